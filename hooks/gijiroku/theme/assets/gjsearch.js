/*
 * gijiroku remark search: queries the static index in search-index/ (see
 * hooks/gijiroku/search/build.py for its layout) a few small files at a time.
 * The tokenizer below must stay identical to hooks/gijiroku/search/tokenize.py; the
 * rules they share are generated from hooks/gijiroku/search/rules.json
 * (python -m gijiroku.search.rules) and tests/test_browser_search.py compares the two.
 * On a meeting page opened from a result, it marks the query's words in the remark.
 */
(function () {
  "use strict";

  // -- tokenizer (twin of tokenize.py) -------------------------------------------
  // <rules> generated from hooks/gijiroku/search/rules.json: do not edit here
  var RULES = {"cjk":"\u3041-\u3096\u30a1-\u30fa\u30fc\u3005\u3006\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff","fold":{"\u00b5":"\u03bc","\u00df":"ss","\u0149":"\u02bcn","\u017f":"s","\u01f0":"j\u030c","\u0345":"\u03b9","\u0390":"\u03b9\u0308\u0301","\u03b0":"\u03c5\u0308\u0301","\u03c2":"\u03c3","\u03d0":"\u03b2","\u03d1":"\u03b8","\u03d5":"\u03c6","\u03d6":"\u03c0","\u03f0":"\u03ba","\u03f1":"\u03c1","\u03f5":"\u03b5","\u0587":"\u0565\u0582","\u13a0":"\u13a0","\u13a1":"\u13a1","\u13a2":"\u13a2","\u13a3":"\u13a3","\u13a4":"\u13a4","\u13a5":"\u13a5","\u13a6":"\u13a6","\u13a7":"\u13a7","\u13a8":"\u13a8","\u13a9":"\u13a9","\u13aa":"\u13aa","\u13ab":"\u13ab","\u13ac":"\u13ac","\u13ad":"\u13ad","\u13ae":"\u13ae","\u13af":"\u13af","\u13b0":"\u13b0","\u13b1":"\u13b1","\u13b2":"\u13b2","\u13b3":"\u13b3","\u13b4":"\u13b4","\u13b5":"\u13b5","\u13b6":"\u13b6","\u13b7":"\u13b7","\u13b8":"\u13b8","\u13b9":"\u13b9","\u13ba":"\u13ba","\u13bb":"\u13bb","\u13bc":"\u13bc","\u13bd":"\u13bd","\u13be":"\u13be","\u13bf":"\u13bf","\u13c0":"\u13c0","\u13c1":"\u13c1","\u13c2":"\u13c2","\u13c3":"\u13c3","\u13c4":"\u13c4","\u13c5":"\u13c5","\u13c6":"\u13c6","\u13c7":"\u13c7","\u13c8":"\u13c8","\u13c9":"\u13c9","\u13ca":"\u13ca","\u13cb":"\u13cb","\u13cc":"\u13cc","\u13cd":"\u13cd","\u13ce":"\u13ce","\u13cf":"\u13cf","\u13d0":"\u13d0","\u13d1":"\u13d1","\u13d2":"\u13d2","\u13d3":"\u13d3","\u13d4":"\u13d4","\u13d5":"\u13d5","\u13d6":"\u13d6","\u13d7":"\u13d7","\u13d8":"\u13d8","\u13d9":"\u13d9","\u13da":"\u13da","\u13db":"\u13db","\u13dc":"\u13dc","\u13dd":"\u13dd","\u13de":"\u13de","\u13df":"\u13df","\u13e0":"\u13e0","\u13e1":"\u13e1","\u13e2":"\u13e2","\u13e3":"\u13e3","\u13e4":"\u13e4","\u13e5":"\u13e5","\u13e6":"\u13e6","\u13e7":"\u13e7","\u13e8":"\u13e8","\u13e9":"\u13e9","\u13ea":"\u13ea","\u13eb":"\u13eb","\u13ec":"\u13ec","\u13ed":"\u13ed","\u13ee":"\u13ee","\u13ef":"\u13ef","\u13f0":"\u13f0","\u13f1":"\u13f1","\u13f2":"\u13f2","\u13f3":"\u13f3","\u13f4":"\u13f4","\u13f5":"\u13f5","\u13f8":"\u13f0","\u13f9":"\u13f1","\u13fa":"\u13f2","\u13fb":"\u13f3","\u13fc":"\u13f4","\u13fd":"\u13f5","\u1c80":"\u0432","\u1c81":"\u0434","\u1c82":"\u043e","\u1c83":"\u0441","\u1c84":"\u0442","\u1c85":"\u0442","\u1c86":"\u044a","\u1c87":"\u0463","\u1c88":"\ua64b","\u1e96":"h\u0331","\u1e97":"t\u0308","\u1e98":"w\u030a","\u1e99":"y\u030a","\u1e9a":"a\u02be","\u1e9b":"\u1e61","\u1e9e":"ss","\u1f50":"\u03c5\u0313","\u1f52":"\u03c5\u0313\u0300","\u1f54":"\u03c5\u0313\u0301","\u1f56":"\u03c5\u0313\u0342","\u1f80":"\u1f00\u03b9","\u1f81":"\u1f01\u03b9","\u1f82":"\u1f02\u03b9","\u1f83":"\u1f03\u03b9","\u1f84":"\u1f04\u03b9","\u1f85":"\u1f05\u03b9","\u1f86":"\u1f06\u03b9","\u1f87":"\u1f07\u03b9","\u1f88":"\u1f00\u03b9","\u1f89":"\u1f01\u03b9","\u1f8a":"\u1f02\u03b9","\u1f8b":"\u1f03\u03b9","\u1f8c":"\u1f04\u03b9","\u1f8d":"\u1f05\u03b9","\u1f8e":"\u1f06\u03b9","\u1f8f":"\u1f07\u03b9","\u1f90":"\u1f20\u03b9","\u1f91":"\u1f21\u03b9","\u1f92":"\u1f22\u03b9","\u1f93":"\u1f23\u03b9","\u1f94":"\u1f24\u03b9","\u1f95":"\u1f25\u03b9","\u1f96":"\u1f26\u03b9","\u1f97":"\u1f27\u03b9","\u1f98":"\u1f20\u03b9","\u1f99":"\u1f21\u03b9","\u1f9a":"\u1f22\u03b9","\u1f9b":"\u1f23\u03b9","\u1f9c":"\u1f24\u03b9","\u1f9d":"\u1f25\u03b9","\u1f9e":"\u1f26\u03b9","\u1f9f":"\u1f27\u03b9","\u1fa0":"\u1f60\u03b9","\u1fa1":"\u1f61\u03b9","\u1fa2":"\u1f62\u03b9","\u1fa3":"\u1f63\u03b9","\u1fa4":"\u1f64\u03b9","\u1fa5":"\u1f65\u03b9","\u1fa6":"\u1f66\u03b9","\u1fa7":"\u1f67\u03b9","\u1fa8":"\u1f60\u03b9","\u1fa9":"\u1f61\u03b9","\u1faa":"\u1f62\u03b9","\u1fab":"\u1f63\u03b9","\u1fac":"\u1f64\u03b9","\u1fad":"\u1f65\u03b9","\u1fae":"\u1f66\u03b9","\u1faf":"\u1f67\u03b9","\u1fb2":"\u1f70\u03b9","\u1fb3":"\u03b1\u03b9","\u1fb4":"\u03ac\u03b9","\u1fb6":"\u03b1\u0342","\u1fb7":"\u03b1\u0342\u03b9","\u1fbc":"\u03b1\u03b9","\u1fbe":"\u03b9","\u1fc2":"\u1f74\u03b9","\u1fc3":"\u03b7\u03b9","\u1fc4":"\u03ae\u03b9","\u1fc6":"\u03b7\u0342","\u1fc7":"\u03b7\u0342\u03b9","\u1fcc":"\u03b7\u03b9","\u1fd2":"\u03b9\u0308\u0300","\u1fd3":"\u03b9\u0308\u0301","\u1fd6":"\u03b9\u0342","\u1fd7":"\u03b9\u0308\u0342","\u1fe2":"\u03c5\u0308\u0300","\u1fe3":"\u03c5\u0308\u0301","\u1fe4":"\u03c1\u0313","\u1fe6":"\u03c5\u0342","\u1fe7":"\u03c5\u0308\u0342","\u1ff2":"\u1f7c\u03b9","\u1ff3":"\u03c9\u03b9","\u1ff4":"\u03ce\u03b9","\u1ff6":"\u03c9\u0342","\u1ff7":"\u03c9\u0342\u03b9","\u1ffc":"\u03c9\u03b9","\uab70":"\u13a0","\uab71":"\u13a1","\uab72":"\u13a2","\uab73":"\u13a3","\uab74":"\u13a4","\uab75":"\u13a5","\uab76":"\u13a6","\uab77":"\u13a7","\uab78":"\u13a8","\uab79":"\u13a9","\uab7a":"\u13aa","\uab7b":"\u13ab","\uab7c":"\u13ac","\uab7d":"\u13ad","\uab7e":"\u13ae","\uab7f":"\u13af","\uab80":"\u13b0","\uab81":"\u13b1","\uab82":"\u13b2","\uab83":"\u13b3","\uab84":"\u13b4","\uab85":"\u13b5","\uab86":"\u13b6","\uab87":"\u13b7","\uab88":"\u13b8","\uab89":"\u13b9","\uab8a":"\u13ba","\uab8b":"\u13bb","\uab8c":"\u13bc","\uab8d":"\u13bd","\uab8e":"\u13be","\uab8f":"\u13bf","\uab90":"\u13c0","\uab91":"\u13c1","\uab92":"\u13c2","\uab93":"\u13c3","\uab94":"\u13c4","\uab95":"\u13c5","\uab96":"\u13c6","\uab97":"\u13c7","\uab98":"\u13c8","\uab99":"\u13c9","\uab9a":"\u13ca","\uab9b":"\u13cb","\uab9c":"\u13cc","\uab9d":"\u13cd","\uab9e":"\u13ce","\uab9f":"\u13cf","\uaba0":"\u13d0","\uaba1":"\u13d1","\uaba2":"\u13d2","\uaba3":"\u13d3","\uaba4":"\u13d4","\uaba5":"\u13d5","\uaba6":"\u13d6","\uaba7":"\u13d7","\uaba8":"\u13d8","\uaba9":"\u13d9","\uabaa":"\u13da","\uabab":"\u13db","\uabac":"\u13dc","\uabad":"\u13dd","\uabae":"\u13de","\uabaf":"\u13df","\uabb0":"\u13e0","\uabb1":"\u13e1","\uabb2":"\u13e2","\uabb3":"\u13e3","\uabb4":"\u13e4","\uabb5":"\u13e5","\uabb6":"\u13e6","\uabb7":"\u13e7","\uabb8":"\u13e8","\uabb9":"\u13e9","\uabba":"\u13ea","\uabbb":"\u13eb","\uabbc":"\u13ec","\uabbd":"\u13ed","\uabbe":"\u13ee","\uabbf":"\u13ef","\ufb00":"ff","\ufb01":"fi","\ufb02":"fl","\ufb03":"ffi","\ufb04":"ffl","\ufb05":"st","\ufb06":"st","\ufb13":"\u0574\u0576","\ufb14":"\u0574\u0565","\ufb15":"\u0574\u056b","\ufb16":"\u057e\u0576","\ufb17":"\u0574\u056d"},"spelling":{"words":{"acknowledgement":"acknowledgment","ageing":"aging","aluminium":"aluminum","anaemia":"anemia","analogue":"analog","armour":"armor","behaviour":"behavior","calibre":"caliber","cancelled":"canceled","cancelling":"canceling","catalogue":"catalog","centre":"center","centred":"centered","centring":"centering","cheque":"check","colour":"color","counselling":"counseling","defence":"defense","dialogue":"dialog","draught":"draft","encyclopaedia":"encyclopedia","endeavour":"endeavor","enrol":"enroll","enrolment":"enrollment","favour":"favor","favourite":"favorite","fibre":"fiber","flavour":"flavor","foetus":"fetus","fuelled":"fueled","fulfil":"fulfill","fulfilment":"fulfillment","grey":"gray","harbour":"harbor","honour":"honor","humour":"humor","instalment":"installment","judgement":"judgment","labelled":"labeled","labelling":"labeling","labour":"labor","licence":"license","litre":"liter","manoeuvre":"maneuver","metre":"meter","modelled":"modeled","modelling":"modeling","neighbour":"neighbor","oestrogen":"estrogen","offence":"offense","paediatric":"pediatric","plough":"plow","pretence":"pretense","programme":"program","rumour":"rumor","sceptic":"skeptic","sceptical":"skeptical","signalling":"signaling","skilful":"skillful","sombre":"somber","spectre":"specter","storey":"story","theatre":"theater","travelled":"traveled","traveller":"traveler","travelling":"traveling","tyre":"tire","vapour":"vapor","vigour":"vigor","wilful":"willful"},"suffixes":[["isations","izations"],["isation","ization"],["ising","izing"],["ised","ized"],["ises","izes"],["isers","izers"],["iser","izer"],["ise","ize"],["ysing","yzing"],["ysed","yzed"],["yse","yze"]],"suffix_min_length":6},"prefix_min_length":3,"prefix_max_expansions":40};
  // </rules>
  var CJK = RULES.cjk;
  var CJK_RUN = new RegExp("^[" + CJK + "]", "u");
  var TOKEN = new RegExp("[" + CJK + "]+|(?:(?![" + CJK + "])[\\p{L}\\p{N}\\p{M}])+", "gu");
  var WORD_IN_TEXT = new RegExp("(?:(?![" + CJK + "])[\\p{L}\\p{N}\\p{M}])+", "gu");
  var ASCII_WORD = /^[a-z]+$/;
  var HIRAGANA = /^[\u3041-\u3096]$/;
  var DOUBLE = /([b-df-hj-km-np-tv-xz])\1$/;
  var FOLD = RULES.fold, SPELLING = RULES.spelling, PREFIX_MIN = RULES.prefix_min_length;

  function normalize(text) {
    var lower = text.normalize("NFKC").toLowerCase(), out = "";
    for (var ch of lower) out += FOLD.hasOwnProperty(ch) ? FOLD[ch] : ch;
    return out;
  }

  function isWord(run) { return !CJK_RUN.test(run); }

  function american(word) {
    var words = SPELLING.words;
    if (words.hasOwnProperty(word)) return words[word];
    if (/s$/.test(word) && words.hasOwnProperty(word.slice(0, -1))) return words[word.slice(0, -1)] + "s";
    if (word.length >= SPELLING.suffix_min_length) {
      for (var i = 0; i < SPELLING.suffixes.length; i++) {
        var rule = SPELLING.suffixes[i];
        if (word.slice(-rule[0].length) === rule[0]) return word.slice(0, -rule[0].length) + rule[1];
      }
    }
    return word;
  }

  function stem(word) {
    if (word.length <= 3 || !ASCII_WORD.test(word)) return word;
    if (word.length > 4 && /ies$/.test(word)) return word.slice(0, -3) + "y";
    if (/sses$/.test(word)) word = word.slice(0, -2);
    else if (/s$/.test(word) && !/ss$/.test(word)) word = word.slice(0, -1);
    var suffixes = ["ing", "ed"];
    for (var i = 0; i < suffixes.length; i++) {
      var suffix = suffixes[i];
      if (word.slice(-suffix.length) === suffix && word.length - suffix.length >= 3) {
        word = word.slice(0, -suffix.length);
        if (DOUBLE.test(word)) word = word.slice(0, -1);
        break;
      }
    }
    return word;
  }

  function wordTerm(word) { return ASCII_WORD.test(word) ? stem(american(word)) : word; }

  function runs(text) { return normalize(text).match(TOKEN) || []; }

  function chars(run) { return Array.from(run); }

  function termsOfRun(run) {
    if (isWord(run)) return [wordTerm(run)];
    var cs = chars(run), out = [];
    for (var i = 0; i + 1 < cs.length; i++) out.push(cs[i] + cs[i + 1]);
    cs.forEach(function (c) { if (!HIRAGANA.test(c)) out.push(c); });
    if (cs.length === 1 && HIRAGANA.test(cs[0])) out.push(cs[0]);
    return out;
  }

  function terms(text) {
    var out = [];
    runs(text).forEach(function (run) { out.push.apply(out, termsOfRun(run)); });
    return out;
  }

  function queryTerms(text) {
    var out = [];
    runs(text).forEach(function (run) {
      if (isWord(run)) { out.push(wordTerm(run)); return; }
      var cs = chars(run);
      if (cs.length === 1) { out.push(run); return; }
      for (var i = 0; i + 1 < cs.length; i++) out.push(cs[i] + cs[i + 1]);
    });
    return Array.from(new Set(out));
  }

  // Words that also match longer words they begin (copy -> copyright): typed as they are indexed.
  function queryPrefixes(text) {
    var out = [];
    runs(text).forEach(function (run) {
      if (isWord(run) && chars(run).length >= PREFIX_MIN && wordTerm(run) === run) out.push(run);
    });
    return Array.from(new Set(out));
  }

  function fnv1a(term) {
    var h = 0x811c9dc5;
    for (var ch of term) { h ^= ch.codePointAt(0); h = Math.imul(h, 0x01000193) >>> 0; }
    return h;
  }

  // What a text must contain: each Japanese run of the query as written, each word's term
  // (or, for a prefix word, a term that starts with it).
  function matcher(q) {
    var needles = [], words = [], prefixes = new Set(queryPrefixes(q));
    runs(q).forEach(function (run) {
      if (isWord(run)) words.push({ term: wordTerm(run), prefix: prefixes.has(run) });
      else needles.push(run);
    });
    function wordMatches(term) {
      return words.some(function (w) { return term === w.term || (w.prefix && term.indexOf(w.term) === 0); });
    }
    return {
      needles: needles, words: words, wordMatches: wordMatches,
      test: function (text) {
        var norm = normalize(text);
        if (!needles.every(function (n) { return norm.indexOf(n) >= 0; })) return false;
        if (!words.length) return true;
        var have = terms(text);
        return words.every(function (w) {
          return have.some(function (t) { return t === w.term || (w.prefix && t.indexOf(w.term) === 0); });
        });
      }
    };
  }

  // The [start, end) ranges of `text` that the query matches, in order.
  function matchRanges(text, match) {
    var map = [], norm = "";
    for (var i = 0; i < text.length; i++) {
      var piece = normalize(text[i]);
      for (var j = 0; j < piece.length; j++) map.push(i);
      norm += piece;
    }
    var marks = [];
    match.needles.forEach(function (n) {
      var at = norm.indexOf(n);
      while (at >= 0) { marks.push([map[at], map[at + n.length - 1] + 1]); at = norm.indexOf(n, at + n.length); }
    });
    if (match.words.length) {
      var m;
      WORD_IN_TEXT.lastIndex = 0;
      while ((m = WORD_IN_TEXT.exec(text))) {
        if (runs(m[0]).some(function (run) { return isWord(run) && match.wordMatches(wordTerm(run)); })) {
          marks.push([m.index, m.index + m[0].length]);
        }
      }
    }
    marks.sort(function (a, b) { return a[0] - b[0]; });
    return marks;
  }

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    (children || []).forEach(function (c) { node.append(c); });
    return node;
  }

  // `text` from `from` to `to` as nodes, with the ranges marked.
  function markedNodes(text, marks, from, to) {
    var out = [], pos = from;
    marks.forEach(function (mk) {
      if (mk[0] < pos || mk[0] >= to) return;
      out.push(text.slice(pos, mk[0]));
      out.push(el("mark", {}, [text.slice(mk[0], Math.min(mk[1], to))]));
      pos = Math.min(mk[1], to);
    });
    out.push(text.slice(pos, to));
    return out;
  }

  // Exposed for the tests that compare this tokenizer with the Python one.
  window.gijirokuSearch = {
    normalize: normalize, stem: stem, american: american, terms: terms, queryTerms: queryTerms,
    queryPrefixes: queryPrefixes, fnv1a: fnv1a, runs: runs
  };

  // -- landing on a remark from a result: mark the query's words there ------------
  // The result links carry the query as ?hl=; it is taken out of the address at once, so
  // that what a reader copies from the address bar is the remark's plain link.
  (function markLanding() {
    var params = new URLSearchParams(window.location.search), q = params.get("hl");
    if (!q || !window.location.hash) return;
    params.delete("hl");
    var rest = params.toString();
    history.replaceState(history.state, "", window.location.pathname + (rest ? "?" + rest : "") + window.location.hash);
    var id = decodeURIComponent(window.location.hash.slice(1));
    var target = document.getElementById(id);
    if (!target) return;
    var scope = target.matches("h1, h2, h3, h4") ? target.nextElementSibling : target;
    if (!scope) return;
    var match = matcher(q);
    scope.querySelectorAll("p:not([data-search-exclude]):not(.gj-remark-kind)").forEach(function (p) {
      if (p.children.length || p.closest("[data-search-exclude]")) return;
      var text = p.textContent, marks = matchRanges(text, match);
      if (!marks.length) return;
      p.replaceChildren.apply(p, markedNodes(text, marks, 0, text.length));
    });
    document.documentElement.classList.add("gj-landed");
  })();

  var root = document.getElementById("gj-search");
  if (!root) return;

  // -- index access ---------------------------------------------------------------
  var strings = JSON.parse(document.getElementById("gj-search-strings").textContent);
  var lang = document.documentElement.lang || "en";
  var plurals = new Intl.PluralRules(lang);
  var COMMON = "*";

  // A catalogue string with {placeholders} filled; a plural one by the count `n`.
  function say(key, values) {
    var text = strings[key];
    if (typeof text === "object") text = text[plurals.select(values.n)] || text.other;
    return text.replace(/\{(\w+)\}/g, function (all, name) { return values && name in values ? values[name] : all; });
  }

  // One language's index: its files, fetched once each.
  function Index(base) {
    var cache = {};
    this.fetch = function (path) {
      if (!cache[path]) {
        cache[path] = fetch(base + path).then(function (response) {
          if (!response.ok) throw new Error(path + ": " + response.status);
          return response.json();
        });
      }
      return cache[path];
    };
  }

  function decodeIds(text) {
    if (!text) return [];
    var out = [], prev = 0;
    text.split(",").forEach(function (part) { prev += parseInt(part, 36); out.push(prev); });
    return out;
  }

  function termIds(index, meta, term) {
    return index.fetch("terms/" + (fnv1a(term) % meta.shards) + ".json").then(function (shard) {
      var value = shard[term];
      if (value === undefined) return [];
      return value === COMMON ? COMMON : decodeIds(value);
    });
  }

  // The ids of the remarks with a word that starts with `prefix`: the union of the lists
  // of the index's words that do; too many such words, and it narrows nothing (COMMON).
  function prefixIds(index, meta, prefix) {
    var start = chars(prefix).slice(0, 2).join("");
    return index.fetch("words/" + (fnv1a(start) % meta.wordShards) + ".json").then(function (shard) {
      var words = (shard[start] || []).filter(function (w) { return w.indexOf(prefix) === 0; });
      if (words.indexOf(prefix) < 0) words.push(prefix);
      if (words.length > RULES.prefix_max_expansions) return COMMON;
      return Promise.all(words.map(function (w) { return termIds(index, meta, w); })).then(function (lists) {
        if (lists.indexOf(COMMON) >= 0) return COMMON;
        var seen = new Set();
        lists.forEach(function (ids) { ids.forEach(function (id) { seen.add(id); }); });
        return Array.from(seen).sort(function (a, b) { return a - b; });
      });
    });
  }

  function facetIds(index, name) {
    // No file means no remark (an address written by hand may name an empty choice).
    return index.fetch("facets/" + name + ".json").then(decodeIds, function () { return []; });
  }

  function intersect(a, b) {
    var out = [], i = 0, j = 0;
    while (i < a.length && j < b.length) {
      if (a[i] === b[j]) { out.push(a[i]); i++; j++; } else if (a[i] < b[j]) i++; else j++;
    }
    return out;
  }

  function indexOf(list, id) {
    for (var i = 0; i < list.length; i++) if (list[i][0] === id) return i;
    return -1;
  }

  function dayNumber(iso) {
    var parts = iso.split("-").map(Number);
    return Math.round(Date.UTC(parts[0], parts[1] - 1, parts[2]) / 86400000);
  }

  // The ids of documents dated within [from, to]; documents are newest first.
  function dateRange(meta, from, to) {
    if (!meta.dayStarts) {
      var offsets = decodeIds(meta.days), firsts = decodeIds(meta.firsts);
      meta.dayStarts = offsets.map(function (off, i) { return [meta.day0 - off, firsts[i]]; });
    }
    var lo = meta.docs, hi = 0, fromDay = from ? dayNumber(from) : -Infinity, toDay = to ? dayNumber(to) : Infinity;
    meta.dayStarts.forEach(function (entry, i) {
      var end = i + 1 < meta.dayStarts.length ? meta.dayStarts[i + 1][1] : meta.docs;
      if (entry[0] >= fromDay && entry[0] <= toDay) { lo = Math.min(lo, entry[1]); hi = Math.max(hi, end); }
    });
    return [lo, hi];
  }

  // -- a query --------------------------------------------------------------------
  var UNATTRIBUTED = "-unattributed";  // the speaker filter's choice for opinions the minutes do not attribute

  function candidates(index, meta, state) {
    var prefixes = new Set(queryPrefixes(state.q));
    var lists = queryTerms(state.q).map(function (t) {
      return prefixes.has(t) ? prefixIds(index, meta, t) : termIds(index, meta, t);
    });
    var facets = [];
    function facet(kind, list, id) {
      if (!id) return;
      var n = indexOf(list, id);
      facets.push(n >= 0 ? facetIds(index, kind + "-" + n) : Promise.resolve([]));
    }
    if (state.speaker === UNATTRIBUTED) facets.push(facetIds(index, "k-unattributed"));
    else if (state.speaker) {
      var n = indexOf(meta.people, state.speaker);
      // Someone with no remarks has no facet file: nothing to fetch.
      facets.push(n >= 0 && meta.people[n][3] > 0 ? facetIds(index, "s-" + n) : Promise.resolve([]));
    }
    facet("t", meta.topics, state.topic);
    facet("c", meta.councils, state.council);
    if (state.kind) facets.push(facetIds(index, "k-" + state.kind));
    return Promise.all(lists.concat(facets)).then(function (all) {
      var result = null;
      all.forEach(function (ids) {
        if (ids === COMMON) return;
        result = result === null ? ids : intersect(result, ids);
      });
      var range = dateRange(meta, state.from, state.to);
      if (result === null) {
        result = [];
        for (var id = range[0]; id < range[1]; id++) result.push(id);
      } else {
        result = result.filter(function (id) { return id >= range[0] && id < range[1]; });
      }
      return result;
    });
  }

  function loadDoc(index, meta, id) {
    return index.fetch("docs/" + Math.floor(id / meta.chunk) + ".json").then(function (chunk) {
      var row = chunk.d[id % meta.chunk];
      var meeting = chunk.m[row[0]];
      return {
        id: id, anchor: row[1], kind: row[2], speaker: row[3], role: row[4], topics: row[5], text: row[6],
        title: meeting[0], date: meeting[1], council: meeting[2], url: meeting[3], translated: meeting[4]
      };
    });
  }

  // Verify candidates in order until `want` results are found or `maxChunks` new chunks were read.
  function collect(index, meta, cands, start, want, match, maxChunks) {
    var found = [], pos = start, chunksRead = new Set();
    function step() {
      if (found.length >= want || pos >= cands.length) return Promise.resolve();
      var chunk = Math.floor(cands[pos] / meta.chunk);
      if (!chunksRead.has(chunk) && chunksRead.size >= maxChunks) return Promise.resolve();
      chunksRead.add(chunk);
      var id = cands[pos++];
      return loadDoc(index, meta, id).then(function (doc) {
        if (match.test(doc.text)) found.push(doc);
        return step();
      });
    }
    return step().then(function () { return { docs: found, next: pos }; });
  }

  // -- rendering --------------------------------------------------------------------
  // Dates as the pages write them (catalogue `date_format`): 2023年8月4日（金） / 4 August 2023 (Fri).
  var dateParts = new Intl.DateTimeFormat(lang === "en" ? "en-GB" : lang,
    { year: "numeric", month: lang === "ja" ? "numeric" : "long", day: "numeric", weekday: "short", timeZone: "UTC" });

  function formatDate(iso) {
    var parts = {};
    dateParts.formatToParts(new Date(iso + "T00:00:00Z")).forEach(function (p) { parts[p.type] = p.value; });
    return say("date_format", parts);
  }

  // The text with the query's matches marked, cut to a window around the first one.
  function highlighted(text, match) {
    var marks = matchRanges(text, match);
    var first = marks.length ? marks[0][0] : 0;
    var from = Math.max(0, first - 50), to = Math.min(text.length, first + 150);
    var out = el("span", { "class": "gj-result-excerpt" });
    if (from > 0) out.append("…");
    out.append.apply(out, markedNodes(text, marks, from, to));
    if (to < text.length) out.append("…");
    return out;
  }

  // A result is one card: the whole card opens the remark (the link's area covers it);
  // the speaker's name stays a link of its own, above it.
  function resultItem(meta, doc, match, q) {
    var who;
    if (doc.speaker >= 0) {
      var person = meta.people[doc.speaker];
      who = el("span", { "class": "gj-result-speaker" }, [
        el("a", { href: root.dataset.speakers + person[0] + "/", "class": "gj-result-person" }, [person[1]]),
        doc.role ? say("in_parentheses", { text: doc.role }) : ""
      ]);
    } else {
      who = el("span", { "class": "gj-result-speaker gj-result-" + doc.kind }, [strings["kind_" + doc.kind]]);
    }
    var href = root.dataset.pages + doc.url + (q ? "?hl=" + encodeURIComponent(q) : "") + "#" + doc.anchor;
    var link = el("a", { href: href, "class": "gj-result-link" }, [doc.title]);
    var head = el("p", { "class": "gj-result-head" }, [who, " · ", link, " · ", el("time", { datetime: doc.date }, [formatDate(doc.date)])]);
    if (doc.kind === "written") head.append(" ", el("span", { "class": "gj-badge" }, [strings.kind_short_written]));
    if (!doc.translated) head.append(" ", el("span", { "class": "gj-badge" }, [strings.not_translated]));
    return el("li", { "class": "gj-result", "data-anchor": doc.anchor }, [head, el("p", { "class": "gj-result-text" }, [highlighted(doc.text, match)])]);
  }

  function peopleMatches(meta, q) {
    var key = normalize(q).replace(/[\s\u3000]+/g, "");
    if (key.length < 2 && !/[\u3400-\u9fff]/.test(key)) return [];
    return meta.people.filter(function (p) {
      return p[3] > 0 && p[2].some(function (form) { return form === key || form.indexOf(key) === 0; });
    });
  }

  // -- the page ---------------------------------------------------------------------
  var here = new Index(root.dataset.index);
  var other = root.dataset.otherIndex ? new Index(root.dataset.otherIndex) : null;
  var form = root.querySelector("form");
  var list = root.querySelector(".gj-results");
  var status = root.querySelector(".gj-status");
  var hint = root.querySelector(".gj-other-language");
  var problem = root.querySelector(".gj-form-problem");
  var people = root.querySelector(".gj-people");
  var more = root.querySelector(".gj-more");
  var FIELDS = ["q", "speaker", "topic", "council", "kind", "from", "to"];
  var session = 0, pending = null, PAGE = 10;

  function stateFromForm() {
    var state = {};
    FIELDS.forEach(function (name) { state[name] = (form.elements[name].value || "").trim(); });
    return state;
  }

  function stateToForm(state) {
    FIELDS.forEach(function (name) { if (state[name] !== undefined) form.elements[name].value = state[name]; });
  }

  function stateFromUrl() {
    var params = new URLSearchParams(window.location.search), state = {};
    FIELDS.forEach(function (name) { state[name] = params.get(name) || ""; });
    return state;
  }

  function queryString(state) {
    var params = new URLSearchParams();
    FIELDS.forEach(function (name) { if (state[name]) params.set(name, state[name]); });
    var query = params.toString();
    return query ? "?" + query : "";
  }

  // Each search is a step of history (Back returns to the previous one); while a reader
  // types, the steps of one word replace each other.
  function writeUrl(state, how) {
    var url = window.location.pathname + queryString(state);
    if (how === "none" || url === window.location.pathname + window.location.search) return;
    var typing = how === "typing" && history.state && history.state.gjTyping;
    history[typing ? "replaceState" : "pushState"]({ gjTyping: how === "typing" }, "", url);
  }

  // A date range that ends before it starts is a mistake to point out, not an empty result.
  function validDates(state) {
    var bad = state.from && state.to && state.from > state.to;
    ["from", "to"].forEach(function (name) {
      if (bad) form.elements[name].setAttribute("aria-invalid", "true");
      else form.elements[name].removeAttribute("aria-invalid");
    });
    form.elements.to.min = state.from || "";
    form.elements.from.max = state.to || "";
    problem.textContent = bad ? strings.dates_reversed : "";
    problem.hidden = !bad;
    return !bad;
  }

  // Where this language finds nothing, say whether the other language's text does.
  function otherLanguageHint(state, match) {
    if (!other || !state.q) return Promise.resolve();
    return other.fetch("meta.json").then(function (meta) {
      return candidates(other, meta, state).then(function (cands) {
        return collect(other, meta, cands, 0, 50, match, 6).then(function (got) {
          if (!got.docs.length) return;
          var exact = got.next >= cands.length;
          var text = exact ? say("other_language_results", { n: got.docs.length }) : strings.other_language_some;
          hint.replaceChildren(el("a", { href: root.dataset.otherPage + queryString(state), hreflang: root.dataset.otherLang, "class": "gj-other-link" }, [text]));
          hint.hidden = false;
        });
      });
    }).catch(function () { /* the hint is a courtesy: without it the page still works */ });
  }

  function search(state, how) {
    var mine = ++session, started = performance.now();
    writeUrl(state, how);
    list.textContent = "";
    people.textContent = "";
    hint.textContent = "";
    hint.hidden = true;
    more.hidden = true;
    function finish() {
      root.setAttribute("aria-busy", "false");
      // Read by the benchmark and the tests: which search finished, and how long it took.
      root.dataset.elapsed = (performance.now() - started).toFixed(1);
      root.dataset.done = String(mine);
    }
    if (!validDates(state)) { status.textContent = ""; finish(); return Promise.resolve(); }
    var empty = !FIELDS.some(function (name) { return state[name]; });
    if (empty) { status.textContent = strings.prompt; finish(); return Promise.resolve(); }
    status.textContent = strings.searching;
    root.setAttribute("aria-busy", "true");
    return here.fetch("meta.json").then(function (meta) {
      if (state.q) {
        peopleMatches(meta, state.q).forEach(function (p) {
          people.append(el("li", {}, [
            el("a", { href: root.dataset.speakers + p[0] + "/" }, [p[1]]),
            " (" + say("count_remarks", { n: p[3] }) + ") · ",
            el("a", { href: "?speaker=" + encodeURIComponent(p[0]), "class": "gj-filter-speaker" }, [strings.remarks_of])
          ]));
        });
      }
      var match = matcher(state.q);
      return candidates(here, meta, state).then(function (cands) {
        var shown = 0;
        function page(start, focusNew) {
          return collect(here, meta, cands, start, PAGE, match, 6).then(function (got) {
            if (mine !== session) return;
            var firstNew = null;
            got.docs.forEach(function (doc) {
              var item = resultItem(meta, doc, match, state.q);
              firstNew = firstNew || item;
              list.append(item);
            });
            shown += got.docs.length;
            var exact = got.next >= cands.length;
            status.textContent = exact ? say("count_results", { n: shown }) : say("count_first_results", { n: shown });
            more.hidden = exact;
            more.onclick = function () { more.hidden = true; root.setAttribute("aria-busy", "true"); page(got.next, true); };
            // After "Show more", keyboard focus goes to the first new result, not to the top.
            if (focusNew && firstNew) firstNew.querySelector("a.gj-result-link").focus();
            if (!shown && exact) return otherLanguageHint(state, match).then(finish);
            finish();
          });
        }
        return page(0, false);
      });
    }).catch(function (error) {
      status.textContent = strings.failed + " (" + error.message + ")";
      finish();
    });
  }

  form.addEventListener("input", function (event) {
    clearTimeout(pending);
    var how = event.target.name === "q" ? "typing" : "push";
    pending = setTimeout(function () { search(stateFromForm(), how); }, 200);
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    clearTimeout(pending);
    search(stateFromForm(), "push");
  });
  window.addEventListener("popstate", function () {
    var state = stateFromUrl();
    stateToForm(state);
    search(state, "none");
  });

  var initial = stateFromUrl();
  stateToForm(initial);
  search(initial, "none");
})();
