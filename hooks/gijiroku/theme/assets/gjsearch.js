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
  var RULES = {"cjk":"ぁ-ゖァ-ヺー々〆㐀-䶿一-鿿豈-﫿","fold":{"µ":"μ","ß":"ss","ŉ":"ʼn","ſ":"s","ǰ":"ǰ","ͅ":"ι","ΐ":"ΐ","ΰ":"ΰ","ς":"σ","ϐ":"β","ϑ":"θ","ϕ":"φ","ϖ":"π","ϰ":"κ","ϱ":"ρ","ϵ":"ε","և":"եւ","Ꭰ":"Ꭰ","Ꭱ":"Ꭱ","Ꭲ":"Ꭲ","Ꭳ":"Ꭳ","Ꭴ":"Ꭴ","Ꭵ":"Ꭵ","Ꭶ":"Ꭶ","Ꭷ":"Ꭷ","Ꭸ":"Ꭸ","Ꭹ":"Ꭹ","Ꭺ":"Ꭺ","Ꭻ":"Ꭻ","Ꭼ":"Ꭼ","Ꭽ":"Ꭽ","Ꭾ":"Ꭾ","Ꭿ":"Ꭿ","Ꮀ":"Ꮀ","Ꮁ":"Ꮁ","Ꮂ":"Ꮂ","Ꮃ":"Ꮃ","Ꮄ":"Ꮄ","Ꮅ":"Ꮅ","Ꮆ":"Ꮆ","Ꮇ":"Ꮇ","Ꮈ":"Ꮈ","Ꮉ":"Ꮉ","Ꮊ":"Ꮊ","Ꮋ":"Ꮋ","Ꮌ":"Ꮌ","Ꮍ":"Ꮍ","Ꮎ":"Ꮎ","Ꮏ":"Ꮏ","Ꮐ":"Ꮐ","Ꮑ":"Ꮑ","Ꮒ":"Ꮒ","Ꮓ":"Ꮓ","Ꮔ":"Ꮔ","Ꮕ":"Ꮕ","Ꮖ":"Ꮖ","Ꮗ":"Ꮗ","Ꮘ":"Ꮘ","Ꮙ":"Ꮙ","Ꮚ":"Ꮚ","Ꮛ":"Ꮛ","Ꮜ":"Ꮜ","Ꮝ":"Ꮝ","Ꮞ":"Ꮞ","Ꮟ":"Ꮟ","Ꮠ":"Ꮠ","Ꮡ":"Ꮡ","Ꮢ":"Ꮢ","Ꮣ":"Ꮣ","Ꮤ":"Ꮤ","Ꮥ":"Ꮥ","Ꮦ":"Ꮦ","Ꮧ":"Ꮧ","Ꮨ":"Ꮨ","Ꮩ":"Ꮩ","Ꮪ":"Ꮪ","Ꮫ":"Ꮫ","Ꮬ":"Ꮬ","Ꮭ":"Ꮭ","Ꮮ":"Ꮮ","Ꮯ":"Ꮯ","Ꮰ":"Ꮰ","Ꮱ":"Ꮱ","Ꮲ":"Ꮲ","Ꮳ":"Ꮳ","Ꮴ":"Ꮴ","Ꮵ":"Ꮵ","Ꮶ":"Ꮶ","Ꮷ":"Ꮷ","Ꮸ":"Ꮸ","Ꮹ":"Ꮹ","Ꮺ":"Ꮺ","Ꮻ":"Ꮻ","Ꮼ":"Ꮼ","Ꮽ":"Ꮽ","Ꮾ":"Ꮾ","Ꮿ":"Ꮿ","Ᏸ":"Ᏸ","Ᏹ":"Ᏹ","Ᏺ":"Ᏺ","Ᏻ":"Ᏻ","Ᏼ":"Ᏼ","Ᏽ":"Ᏽ","ᏸ":"Ᏸ","ᏹ":"Ᏹ","ᏺ":"Ᏺ","ᏻ":"Ᏻ","ᏼ":"Ᏼ","ᏽ":"Ᏽ","ᲀ":"в","ᲁ":"д","ᲂ":"о","ᲃ":"с","ᲄ":"т","ᲅ":"т","ᲆ":"ъ","ᲇ":"ѣ","ᲈ":"ꙋ","ẖ":"ẖ","ẗ":"ẗ","ẘ":"ẘ","ẙ":"ẙ","ẚ":"aʾ","ẛ":"ṡ","ẞ":"ss","ὐ":"ὐ","ὒ":"ὒ","ὔ":"ὔ","ὖ":"ὖ","ᾀ":"ἀι","ᾁ":"ἁι","ᾂ":"ἂι","ᾃ":"ἃι","ᾄ":"ἄι","ᾅ":"ἅι","ᾆ":"ἆι","ᾇ":"ἇι","ᾈ":"ἀι","ᾉ":"ἁι","ᾊ":"ἂι","ᾋ":"ἃι","ᾌ":"ἄι","ᾍ":"ἅι","ᾎ":"ἆι","ᾏ":"ἇι","ᾐ":"ἠι","ᾑ":"ἡι","ᾒ":"ἢι","ᾓ":"ἣι","ᾔ":"ἤι","ᾕ":"ἥι","ᾖ":"ἦι","ᾗ":"ἧι","ᾘ":"ἠι","ᾙ":"ἡι","ᾚ":"ἢι","ᾛ":"ἣι","ᾜ":"ἤι","ᾝ":"ἥι","ᾞ":"ἦι","ᾟ":"ἧι","ᾠ":"ὠι","ᾡ":"ὡι","ᾢ":"ὢι","ᾣ":"ὣι","ᾤ":"ὤι","ᾥ":"ὥι","ᾦ":"ὦι","ᾧ":"ὧι","ᾨ":"ὠι","ᾩ":"ὡι","ᾪ":"ὢι","ᾫ":"ὣι","ᾬ":"ὤι","ᾭ":"ὥι","ᾮ":"ὦι","ᾯ":"ὧι","ᾲ":"ὰι","ᾳ":"αι","ᾴ":"άι","ᾶ":"ᾶ","ᾷ":"ᾶι","ᾼ":"αι","ι":"ι","ῂ":"ὴι","ῃ":"ηι","ῄ":"ήι","ῆ":"ῆ","ῇ":"ῆι","ῌ":"ηι","ῒ":"ῒ","ΐ":"ΐ","ῖ":"ῖ","ῗ":"ῗ","ῢ":"ῢ","ΰ":"ΰ","ῤ":"ῤ","ῦ":"ῦ","ῧ":"ῧ","ῲ":"ὼι","ῳ":"ωι","ῴ":"ώι","ῶ":"ῶ","ῷ":"ῶι","ῼ":"ωι","ꭰ":"Ꭰ","ꭱ":"Ꭱ","ꭲ":"Ꭲ","ꭳ":"Ꭳ","ꭴ":"Ꭴ","ꭵ":"Ꭵ","ꭶ":"Ꭶ","ꭷ":"Ꭷ","ꭸ":"Ꭸ","ꭹ":"Ꭹ","ꭺ":"Ꭺ","ꭻ":"Ꭻ","ꭼ":"Ꭼ","ꭽ":"Ꭽ","ꭾ":"Ꭾ","ꭿ":"Ꭿ","ꮀ":"Ꮀ","ꮁ":"Ꮁ","ꮂ":"Ꮂ","ꮃ":"Ꮃ","ꮄ":"Ꮄ","ꮅ":"Ꮅ","ꮆ":"Ꮆ","ꮇ":"Ꮇ","ꮈ":"Ꮈ","ꮉ":"Ꮉ","ꮊ":"Ꮊ","ꮋ":"Ꮋ","ꮌ":"Ꮌ","ꮍ":"Ꮍ","ꮎ":"Ꮎ","ꮏ":"Ꮏ","ꮐ":"Ꮐ","ꮑ":"Ꮑ","ꮒ":"Ꮒ","ꮓ":"Ꮓ","ꮔ":"Ꮔ","ꮕ":"Ꮕ","ꮖ":"Ꮖ","ꮗ":"Ꮗ","ꮘ":"Ꮘ","ꮙ":"Ꮙ","ꮚ":"Ꮚ","ꮛ":"Ꮛ","ꮜ":"Ꮜ","ꮝ":"Ꮝ","ꮞ":"Ꮞ","ꮟ":"Ꮟ","ꮠ":"Ꮠ","ꮡ":"Ꮡ","ꮢ":"Ꮢ","ꮣ":"Ꮣ","ꮤ":"Ꮤ","ꮥ":"Ꮥ","ꮦ":"Ꮦ","ꮧ":"Ꮧ","ꮨ":"Ꮨ","ꮩ":"Ꮩ","ꮪ":"Ꮪ","ꮫ":"Ꮫ","ꮬ":"Ꮬ","ꮭ":"Ꮭ","ꮮ":"Ꮮ","ꮯ":"Ꮯ","ꮰ":"Ꮰ","ꮱ":"Ꮱ","ꮲ":"Ꮲ","ꮳ":"Ꮳ","ꮴ":"Ꮴ","ꮵ":"Ꮵ","ꮶ":"Ꮶ","ꮷ":"Ꮷ","ꮸ":"Ꮸ","ꮹ":"Ꮹ","ꮺ":"Ꮺ","ꮻ":"Ꮻ","ꮼ":"Ꮼ","ꮽ":"Ꮽ","ꮾ":"Ꮾ","ꮿ":"Ꮿ","ﬀ":"ff","ﬁ":"fi","ﬂ":"fl","ﬃ":"ffi","ﬄ":"ffl","ﬅ":"st","ﬆ":"st","ﬓ":"մն","ﬔ":"մե","ﬕ":"մի","ﬖ":"վն","ﬗ":"մխ"},"spelling":{"words":{"acknowledgement":"acknowledgment","ageing":"aging","aluminium":"aluminum","anaemia":"anemia","analogue":"analog","armour":"armor","behaviour":"behavior","calibre":"caliber","cancelled":"canceled","cancelling":"canceling","catalogue":"catalog","centre":"center","centred":"centered","centring":"centering","cheque":"check","colour":"color","counselling":"counseling","defence":"defense","dialogue":"dialog","draught":"draft","encyclopaedia":"encyclopedia","endeavour":"endeavor","enrol":"enroll","enrolment":"enrollment","favour":"favor","favourite":"favorite","fibre":"fiber","flavour":"flavor","foetus":"fetus","fuelled":"fueled","fulfil":"fulfill","fulfilment":"fulfillment","grey":"gray","harbour":"harbor","honour":"honor","humour":"humor","instalment":"installment","judgement":"judgment","labelled":"labeled","labelling":"labeling","labour":"labor","licence":"license","litre":"liter","manoeuvre":"maneuver","metre":"meter","modelled":"modeled","modelling":"modeling","neighbour":"neighbor","oestrogen":"estrogen","offence":"offense","paediatric":"pediatric","plough":"plow","pretence":"pretense","programme":"program","rumour":"rumor","sceptic":"skeptic","sceptical":"skeptical","signalling":"signaling","skilful":"skillful","sombre":"somber","spectre":"specter","storey":"story","theatre":"theater","travelled":"traveled","traveller":"traveler","travelling":"traveling","tyre":"tire","vapour":"vapor","vigour":"vigor","wilful":"willful"},"suffixes":[["isations","izations"],["isation","ization"],["ising","izing"],["ised","ized"],["ises","izes"],["isers","izers"],["iser","izer"],["ise","ize"],["ysing","yzing"],["ysed","yzed"],["yse","yze"]],"suffix_min_length":6},"prefix_min_length":3,"prefix_max_expansions":40};
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

  // -- the query as typed ----------------------------------------------------------
  // Words must all be there; "a phrase" keeps its words together and in order; A OR B
  // takes either; -word leaves out the remarks that have it. Quotes may be typed
  // full-width or curly, OR full-width too (NFKC).
  function parseQuery(q) {
    var text = (q || "").normalize("NFKC").replace(/[\u201c\u201d\u201e]/g, '"');
    var re = /(-?)"([^"]*)"?|(\S+)/g, tokens = [], m;
    while ((m = re.exec(text))) {
      if (m[3] !== undefined) {
        if (m[3] === "OR") { tokens.push({ or: true }); continue; }
        var neg = m[3].length > 1 && m[3][0] === "-";
        tokens.push({ text: neg ? m[3].slice(1) : m[3], neg: neg, phrase: false });
      } else if (m[2].trim()) {
        tokens.push({ text: m[2].trim(), neg: m[1] === "-", phrase: true });
      }
    }
    var groups = [], exclude = [], plain = [], join = false;
    tokens.forEach(function (token, i) {
      if (token.or) { join = groups.length > 0; return; }
      var alt = alternative(token.text, token.phrase);
      if (!alt) { join = false; return; }
      if (token.neg) exclude.push(alt);
      else if (join) groups[groups.length - 1].push(alt);
      else groups.push([alt]);
      // Words that may name a person, topic or council: typed plainly, not joined by OR.
      var next = tokens[i + 1];
      if (!token.neg && !token.phrase && !join && !(next && next.or)) plain.push({ text: token.text, group: groups.length - 1 });
      join = false;
    });
    return { groups: groups, exclude: exclude, plain: plain };
  }

  // One word or phrase of a query: the Japanese runs it must contain as written, the
  // word terms (or, for a prefix word, terms that start with it), and for a phrase their
  // order. `exact`: the index's lists alone say which remarks have it (a Japanese run of
  // three characters or more is found by its pairs, which a text may hold apart).
  function alternative(text, phrase) {
    var needles = [], words = [], seq = [], prefixes = new Set(phrase ? [] : queryPrefixes(text));
    runs(text).forEach(function (run) {
      if (isWord(run)) { var w = { term: wordTerm(run), prefix: prefixes.has(run) }; words.push(w); seq.push(w); }
      else { needles.push(run); seq.push({ needle: run }); }
    });
    if (!seq.length) return null;
    return {
      text: text, phrase: phrase && seq.length > 1, needles: needles, words: words, seq: seq,
      terms: queryTerms(text), prefixes: Array.from(prefixes),
      exact: !(phrase && seq.length > 1) && needles.every(function (n) { return chars(n).length <= 2; })
    };
  }

  function wordIn(have, w) {
    return have.some(function (t) { return t === w.term || (w.prefix && t.indexOf(w.term) === 0); });
  }

  // A phrase: its words one after another in the text (a Japanese run may hold more
  // than the phrase's own run), or, all Japanese, its runs written together.
  function phraseIn(alt, text, norm) {
    if (!alt.words.length && norm.indexOf(alt.needles.join("")) >= 0) return true;
    var seq = runs(text).map(function (run) { return isWord(run) ? { term: wordTerm(run) } : { run: run }; });
    for (var i = 0; i + alt.seq.length <= seq.length; i++) {
      var ok = alt.seq.every(function (part, k) {
        var got = seq[i + k];
        return part.needle ? got.run !== undefined && got.run.indexOf(part.needle) >= 0 : got.term === part.term;
      });
      if (ok) return true;
    }
    return false;
  }

  function altIn(alt, text, norm, have, doc) {
    if (alt.facet) return !!doc && (alt.facet === "t" ? doc.topics.indexOf(alt.n) >= 0 : doc.council === alt.n);
    if (!alt.needles.every(function (n) { return norm.indexOf(n) >= 0; })) return false;
    if (!alt.words.every(function (w) { return wordIn(have, w); })) return false;
    return !alt.phrase || phraseIn(alt, text, norm);
  }

  // What a text must contain (every group, none of the exclusions), and what to mark in
  // it: the Japanese runs and the words of every word or phrase asked for.
  function matcher(q) {
    var parsed = typeof q === "string" ? parseQuery(q) : q;
    var needles = [], words = [];
    parsed.groups.forEach(function (group) {
      group.forEach(function (alt) {
        if (alt.facet) return;
        needles.push.apply(needles, alt.needles);
        words.push.apply(words, alt.words);
      });
    });
    function wordMatches(term) {
      return words.some(function (w) { return term === w.term || (w.prefix && term.indexOf(w.term) === 0); });
    }
    return {
      needles: needles, words: words, wordMatches: wordMatches, parsed: parsed,
      test: function (text, doc) {
        var norm = normalize(text), have = terms(text);
        return parsed.groups.every(function (group) {
          return group.some(function (alt) { return altIn(alt, text, norm, have, doc); });
        }) && !parsed.exclude.some(function (alt) { return altIn(alt, text, norm, have, doc); });
      },
      // How well a text answers: each word or phrase asked for, by how often it occurs.
      score: function (text, doc) {
        var norm = normalize(text), have = terms(text), total = 0;
        parsed.groups.forEach(function (group) {
          group.forEach(function (alt) {
            if (!altIn(alt, text, norm, have, doc)) return;
            if (alt.facet) { total += 1; return; }
            var n = 0;
            alt.needles.forEach(function (needle) { n += norm.split(needle).length - 1; });
            alt.words.forEach(function (w) { n += have.filter(function (t) { return t === w.term || (w.prefix && t.indexOf(w.term) === 0); }).length; });
            total += Math.min(n, 6) + (alt.phrase ? 3 : 1);
          });
        });
        return total;
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
    queryPrefixes: queryPrefixes, fnv1a: fnv1a, runs: runs, parseQuery: parseQuery, matcher: matcher
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
  var numbers = new Intl.NumberFormat(lang);
  var COMMON = "*";

  // A catalogue string with {placeholders} filled; a plural one by the count `n`, which
  // is written as the language writes numbers (1,234).
  function say(key, values) {
    var text = strings[key];
    if (typeof text === "object") text = text[plurals.select(values.n)] || text.other;
    return text.replace(/\{(\w+)\}/g, function (all, name) {
      if (!values || !(name in values)) return all;
      return name === "n" && typeof values.n === "number" ? numbers.format(values.n) : values[name];
    });
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
    this.has = function (path) { return !!cache[path]; };
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

  // A bitmap in base64: bit i of the little-endian bytes is document i.
  function decodeBits(base64) {
    var bytes = atob(base64), out = [];
    for (var j = 0; j < bytes.length; j++) {
      var byte = bytes.charCodeAt(j);
      for (var k = 0; byte; k++, byte >>= 1) if (byte & 1) out.push(j * 8 + k);
    }
    return out;
  }

  function facetIds(index, name) {
    // No file means no remark (an address written by hand may name an empty choice).
    return index.fetch("facets/" + name + ".json").then(function (value) {
      return typeof value === "string" ? decodeIds(value) : decodeBits(value.bits);
    }, function () { return []; });
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

  // The ids of documents dated within [from, to]; documents are newest first. Where each
  // date starts is in dates.json, read only when a date is given.
  function dateRange(index, meta, from, to) {
    if (!from && !to) return Promise.resolve([0, meta.docs]);
    return index.fetch("dates.json").then(function (dates) {
      if (!dates.starts) {
        var offsets = decodeIds(dates.days), firsts = decodeIds(dates.firsts);
        dates.starts = offsets.map(function (off, i) { return [dates.day0 - off, firsts[i]]; });
      }
      var lo = meta.docs, hi = 0, fromDay = from ? dayNumber(from) : -Infinity, toDay = to ? dayNumber(to) : Infinity;
      dates.starts.forEach(function (entry, i) {
        var end = i + 1 < dates.starts.length ? dates.starts[i + 1][1] : meta.docs;
        if (entry[0] >= fromDay && entry[0] <= toDay) { lo = Math.min(lo, entry[1]); hi = Math.max(hi, end); }
      });
      return [lo, hi];
    });
  }

  // -- a query --------------------------------------------------------------------
  var UNATTRIBUTED = "-unattributed";  // the speaker filter's choice for opinions the minutes do not attribute

  function union(lists) {
    var seen = new Set();
    lists.forEach(function (ids) { ids.forEach(function (id) { seen.add(id); }); });
    return Array.from(seen).sort(function (a, b) { return a - b; });
  }

  function subtract(a, b) {
    var drop = new Set(b);
    return a.filter(function (id) { return !drop.has(id); });
  }

  // The remarks that have one word or phrase, from the index: {ids, exact}; ids null
  // where every term is too common to be listed (the text decides).
  function altIds(index, meta, alt) {
    if (alt.facet) return facetIds(index, alt.facet + "-" + alt.n).then(function (ids) { return { ids: ids, exact: true }; });
    return Promise.all(alt.terms.map(function (t) {
      return alt.prefixes.indexOf(t) >= 0 ? prefixIds(index, meta, t) : termIds(index, meta, t);
    })).then(function (lists) {
      var ids = null, common = false;
      lists.forEach(function (list) {
        if (list === COMMON) { common = true; return; }
        ids = ids === null ? list : intersect(ids, list);
      });
      return { ids: ids, exact: alt.exact && !common };
    });
  }

  // The ids of one meeting's remarks (a search from the meeting's page).
  function meetingSpan(index, meta, key) {
    if (!key) return Promise.resolve(null);
    return index.fetch("meetings/" + (fnv1a(key) % meta.meetingShards) + ".json").then(function (shard) {
      return shard[key] || [0, 0, key, ""];
    });
  }

  // The candidates of a query, from the index alone: the ids in the order asked for
  // (relevance: the remarks that have more of the words asked for first; newest; oldest),
  // and what their number means: exact (every word's list is exact), `about` (some are
  // found by their pairs, and the text decides), or unknown (a word too common to list).
  function candidates(index, meta, state, parsed) {
    var groups = parsed.groups.map(function (group) {
      return Promise.all(group.map(function (alt) { return altIds(index, meta, alt); }));
    });
    var exclusions = Promise.all(parsed.exclude.map(function (alt) { return altIds(index, meta, alt); }));
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
      facets.push(n >= 0 && meta.people[n][2] > 0 ? facetIds(index, "s-" + n) : Promise.resolve([]));
    }
    facet("t", meta.topics, state.topic);
    facet("c", meta.councils, state.council);
    if (state.kind) facets.push(facetIds(index, "k-" + state.kind));
    return Promise.all([dateRange(index, meta, state.from, state.to), meetingSpan(index, meta, state.meeting),
                        Promise.all(groups), exclusions, Promise.all(facets)]).then(function (all) {
      var range = all[0], span = all[1], found = all[2], excluded = all[3];
      if (span) range = [Math.max(range[0], span[0]), Math.min(range[1], span[0] + span[1])];
      var result = null, exact = true, known = true, hits = new Map(), ored = false;
      found.forEach(function (alts) {
        if (alts.some(function (a) { return a.ids === null; })) { known = false; exact = false; return; }
        if (alts.length > 1) ored = true;
        alts.forEach(function (a) {
          exact = exact && a.exact;
          a.ids.forEach(function (id) { hits.set(id, (hits.get(id) || 0) + 1); });
        });
        var ids = alts.length === 1 ? alts[0].ids : union(alts.map(function (a) { return a.ids; }));
        result = result === null ? ids : intersect(result, ids);
      });
      all[4].forEach(function (ids) { result = result === null ? ids : intersect(result, ids); });
      if (result === null) {
        result = [];
        for (var id = range[0]; id < range[1]; id++) result.push(id);
      } else {
        result = result.filter(function (id) { return id >= range[0] && id < range[1]; });
      }
      excluded.forEach(function (a) {
        if (a.exact && a.ids !== null) result = subtract(result, a.ids);
        else exact = false;
      });
      if (state.sort === "oldest") result.reverse();
      else if (state.sort !== "newest" && ored) {
        result.sort(function (a, b) { return (hits.get(b) || 0) - (hits.get(a) || 0) || a - b; });
      }
      return { ids: result, exact: exact && known, known: known, span: span };
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

  // Verify candidates in order until `want` results are found or `maxChunks` new chunks
  // were read; then, up to `extra` more from the chunks already read (they cost nothing:
  // ranking by relevance compares more remarks without fetching more).
  function collect(index, meta, cands, start, want, match, maxChunks, extra) {
    var found = [], pos = start, chunksRead = new Set();
    function step() {
      if (pos >= cands.length) return Promise.resolve();
      var chunk = Math.floor(cands[pos] / meta.chunk);
      if (found.length >= want && (found.length >= want + (extra || 0) ||
          !index.has("docs/" + chunk + ".json"))) return Promise.resolve();
      if (!chunksRead.has(chunk) && chunksRead.size >= maxChunks) return Promise.resolve();
      chunksRead.add(chunk);
      var id = cands[pos++];
      return loadDoc(index, meta, id).then(function (doc) {
        if (match.test(doc.text, doc)) found.push(doc);
        return step();
      });
    }
    return step().then(function () { return { docs: found, next: pos }; });
  }

  // -- what the words name ------------------------------------------------------------
  // Runs of up to four plain words of the query, longest first, that are exactly a
  // person's name in a form the registry knows (kanji, kana, romaji, English; compared
  // without spaces, as the index keeps them), or a topic's or council's name.
  function spaceless(text) { return normalize(text).replace(/[\s\u3000]+/g, ""); }

  function namedThings(index, meta, parsed) {
    var plain = parsed.plain, spans = [];
    for (var len = Math.min(4, plain.length); len >= 1; len--) {
      for (var i = 0; i + len <= plain.length; i++) {
        var key = spaceless(plain.slice(i, i + len).map(function (p) { return p.text; }).join(""));
        if (key) spans.push({ from: i, to: i + len, key: key });
      }
    }
    var shardNos = Array.from(new Set(spans.map(function (sp) { return fnv1a(chars(sp.key)[0]) % meta.nameShards; })));
    return Promise.all(shardNos.map(function (n) {
      return index.fetch("names/" + n + ".json").catch(function () { return {}; });
    })).then(function (shards) {
      var used = new Set(), things = [];
      spans.forEach(function (sp) {
        for (var k = sp.from; k < sp.to; k++) if (used.has(k)) return;
        var thing = null;
        // A topic or council by its name in either language (the index has both).
        function names(x) { return spaceless(x[1]) === sp.key || (!!x[2] && spaceless(x[2]) === sp.key); }
        var topic = meta.topics.filter(names)[0];
        var council = meta.councils.filter(names)[0];
        if (topic) thing = { kind: "topic", id: topic[0], facet: "t", n: meta.topics.indexOf(topic) };
        else if (council) thing = { kind: "council", id: council[0], facet: "c", n: meta.councils.indexOf(council) };
        else {
          var numbers = null;
          shards.forEach(function (shard) { if (shard[sp.key]) numbers = shard[sp.key]; });
          // A name several people share (a family name) names none of them.
          if (numbers && numbers.length === 1) thing = { kind: "speaker", id: meta.people[numbers[0]][0], number: numbers[0] };
        }
        if (!thing) return;
        thing.from = sp.from; thing.to = sp.to;
        thing.words = plain.slice(sp.from, sp.to).map(function (p) { return p.text; }).join(" ");
        for (k = sp.from; k < sp.to; k++) used.add(k);
        things.push(thing);
      });
      things.sort(function (a, b) { return a.from - b.from; });
      return things;
    });
  }

  // The query with the named things read as filters, where other words remain to be
  // searched within them (a name alone searches the text for it, and lists the people it
  // names). A person becomes the speaker filter, unless the reader set one. A topic's or
  // council's name finds the remarks tagged with it as well as those that use its words
  // (`計算資源 データ` still finds a remark on data that uses the word 計算資源 without
  // the topic).
  function understood(state, parsed, things) {
    if (state.asis || !things.length) return null;
    var groups = parsed.groups.slice(), filters = {}, applied = [], taken = new Set(), said = false;
    function groupsOf(thing) {
      var mine = [];
      for (var k = thing.from; k < thing.to; k++) mine.push(parsed.plain[k].group);
      return mine;
    }
    // Words that name a filter already set say nothing more (a search carried over from
    // the other language: `copyright` with the topic copyright).
    things.forEach(function (thing) {
      if (state[thing.kind] !== thing.id) return;
      groupsOf(thing).forEach(function (i) { groups[i] = null; taken.add(i); });
      said = true;
    });
    // A person first: the words left to search within their remarks may name a topic.
    var people = things.filter(function (t) { return t.kind === "speaker"; });
    var others = things.filter(function (t) { return t.kind !== "speaker"; });
    people.concat(others).forEach(function (thing) {
      var mine = groupsOf(thing);
      if (parsed.groups.length < 2 || state[thing.kind] || filters[thing.kind]) return;
      if (thing.kind === "speaker") {
        if (groups.filter(function (g, i) { return g && !taken.has(i) && mine.indexOf(i) < 0; }).length === 0) return;
        filters.speaker = thing.id;
        mine.forEach(function (i) { groups[i] = null; taken.add(i); });
      } else {
        var words = alternative(thing.words, mine.length > 1);
        mine.forEach(function (i) { groups[i] = null; });
        groups[mine[0]] = [words, { facet: thing.facet, n: thing.n, exact: true, terms: [], prefixes: [] }];
      }
      applied.push(thing);
    });
    applied.sort(function (a, b) { return a.from - b.from; });
    var rest = groups.filter(function (g) { return g; });
    if (!applied.length && !said) return null;
    var narrowed = Object.assign({}, state, filters);
    return { state: narrowed, parsed: { groups: rest, exclude: parsed.exclude, plain: [] }, things: applied };
  }

  // -- rendering --------------------------------------------------------------------
  // Dates as the pages write them, from the same catalogue pattern and names
  // (`date_format`, `months`, `weekdays`): 2023年8月4日（金） / 4 August 2023 (Fri).
  function formatDate(iso) {
    var parts = iso.split("-").map(Number);
    var weekday = (new Date(Date.UTC(parts[0], parts[1] - 1, parts[2])).getUTCDay() + 6) % 7;  // Monday first
    return say("date_format", { year: parts[0], month: strings.months[parts[1] - 1], day: parts[2], weekday: strings.weekdays[weekday] });
  }

  // The text with the query's matches marked, cut to a window around the first one.
  function highlighted(text, match) {
    // Paragraphs are joined by "\n" in the index: shown as the language joins sentences.
    text = text.replace(/\n/g, strings.paragraph_joiner);
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

  // The people one of whose names starts with the query: the forms of names are in
  // shards by their first character, so the query reads the one its own first names.
  function peopleMatches(index, meta, q) {
    var key = normalize(q).replace(/[\s\u3000]+/g, "");
    if (key.length < 2 && !/[\u3400-\u9fff]/.test(key)) return Promise.resolve([]);
    return index.fetch("names/" + (fnv1a(chars(key)[0]) % meta.nameShards) + ".json").then(function (shard) {
      var numbers = new Set();
      Object.keys(shard).forEach(function (form) {
        if (form.indexOf(key) === 0) shard[form].forEach(function (n) { numbers.add(n); });
      });
      return Array.from(numbers).sort(function (a, b) { return a - b; }).map(function (n) { return meta.people[n]; });
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
  var chips = root.querySelector(".gj-chips");
  var note = root.querySelector(".gj-note");
  var more = root.querySelector(".gj-more");
  var FIELDS = ["q", "speaker", "topic", "council", "kind", "from", "to", "meeting", "sort", "group", "asis", "literal"];
  var FILTERS = ["speaker", "topic", "council", "kind", "meeting", "from", "to"];
  var session = 0, pending = null, PAGE = 10;

  function stateFromForm() {
    var state = {};
    FIELDS.forEach(function (name) {
      var field = form.elements[name];
      if (!field) state[name] = "";
      else if (field.type === "checkbox") state[name] = field.checked ? field.value : "";
      else state[name] = (field.value || "").trim();
    });
    return state;
  }

  function stateToForm(state) {
    FIELDS.forEach(function (name) {
      var field = form.elements[name];
      if (!field || state[name] === undefined) return;
      if (field.type === "checkbox") field.checked = state[name] === field.value;
      else field.value = state[name];
    });
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
    problem.textContent = bad ? strings.dates_reversed : "";
    problem.hidden = !bad;
    return !bad;
  }

  function named(listed, id) {
    var n = indexOf(listed, id);
    return n >= 0 ? listed[n][1] : id;
  }

  // A filter as the reader reads it: "Speaker: Keiko Nagaoka".
  function filterText(meta, name, value, span) {
    var shown = value;
    if (name === "speaker") shown = value === UNATTRIBUTED ? strings.filter_unattributed : named(meta.people, value);
    else if (name === "topic") shown = named(meta.topics, value);
    else if (name === "council") shown = named(meta.councils, value);
    else if (name === "kind") shown = strings["kind_short_" + value] || value;
    else if (name === "meeting") shown = span && span[3] ? span[2] + " " + say("in_parentheses", { text: formatDate(span[3]) }).trim() : value;
    else if (name === "from" || name === "to") shown = /^\d{4}-\d\d-\d\d$/.test(value) ? formatDate(value) : value;
    return say("filter_chip", { filter: strings["filter_" + name], value: shown });
  }

  // The filters in force, each with a button that takes it away; those read from the
  // words say so ("from “Nagaoka”"), and taking one away searches the words as typed.
  function showChips(meta, state, plan, span) {
    chips.textContent = "";
    function addChip(text, words, forget) {
      var label = [el("span", { "class": "gj-chip-text" }, [text])];
      if (words) label.push(" ", el("span", { "class": "gj-chip-source" }, [say("from_words", { words: words })]));
      var remove = el("button", { type: "button", "class": "gj-chip-remove", "aria-label": say("remove_filter", { filter: text }) }, ["×"]);
      remove.addEventListener("click", function () {
        var next = stateFromForm();
        forget(next);
        stateToForm(next);
        search(next, "push");
        form.elements.q.focus();
      });
      chips.append(el("li", { "class": "gj-chip" + (words ? " gj-chip-read" : "") }, label.concat([" ", remove])));
    }
    var things = plan ? plan.things : [], effective = plan ? plan.state : state;
    FILTERS.forEach(function (name) {
      var value = effective[name];
      if (!value) return;
      var read = things.filter(function (thing) { return thing.kind === name && thing.id === value && !state[name]; })[0];
      addChip(filterText(meta, name, value, span), read ? read.words : "", function (next) {
        if (read) next.asis = "1"; else next[name] = "";
      });
    });
    things.forEach(function (thing) {
      if (thing.kind === "speaker") return;
      addChip(filterText(meta, thing.kind, thing.id, span), thing.words, function (next) { next.asis = "1"; });
    });
    chips.hidden = !chips.children.length;
  }

  // The words of this search as the other language would write them: names of people,
  // topics and councils become that language's; other words go as they are, and the
  // other page says that it searched them as typed. Filters are ids, the same in both.
  function otherLanguageState(state, parsed, things) {
    if (!other) return Promise.resolve(null);
    return other.fetch("meta.json").then(function (otherMeta) {
      var q = state.q, carried = [];
      things.forEach(function (thing) {
        var listed = thing.kind === "speaker" ? otherMeta.people : thing.kind === "topic" ? otherMeta.topics : otherMeta.councils;
        var words = thing.words.split(" ").map(function (w) { return w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"); });
        q = q.normalize("NFKC").replace(new RegExp(words.join("\\s+")), named(listed, thing.id));
        carried.push(thing.words);
      });
      var taken = new Set(carried.join(" ").split(" "));
      // A word that is already the other language's name of a topic or council goes as it is.
      var theirs = new Set(otherMeta.topics.concat(otherMeta.councils).map(function (x) { return spaceless(x[1]); }));
      var asTyped = parsed.plain.map(function (p) { return p.text; }).filter(function (w) {
        return !taken.has(w) && !theirs.has(spaceless(w));
      });
      parsed.groups.forEach(function (group) {
        group.forEach(function (alt) { if (alt.phrase || group.length > 1) asTyped.push(alt.text); });
      });
      parsed.exclude.forEach(function (alt) { asTyped.push(alt.text); });
      var next = Object.assign({}, state, { q: q, literal: asTyped.join(" ") });
      return next;
    }).catch(function () { return null; });
  }

  // Where this language finds nothing, say whether the other language's text does.
  function otherLanguageHint(otherState, mine) {
    if (!other || !otherState || !otherState.q) return Promise.resolve();
    return other.fetch("meta.json").then(function (meta) {
      var parsed = parseQuery(otherState.q), match = matcher(parsed);
      return candidates(other, meta, otherState, parsed).then(function (cands) {
        return collect(other, meta, cands.ids, 0, 50, match, 6).then(function (got) {
          if (!got.docs.length || mine !== session) return;
          var exact = got.next >= cands.ids.length;
          var text = exact ? say("other_language_results", { n: got.docs.length }) : strings.other_language_some;
          // No hreflang: Material takes over such links and drops the query.
          hint.replaceChildren(el("a", { href: root.dataset.otherPage + queryString(otherState), "class": "gj-other-link" }, [text]));
          hint.hidden = false;
        });
      });
    }).catch(function () { /* the hint is a courtesy: without it the page still works */ });
  }

  // The number of results: exact where the index's lists are (or every candidate was
  // read), "about" where some were found by their pairs and only the text can tell,
  // "more than" where a word is too common for the index to list.
  function countText(meta, cands, shown, waiting, exhausted, parsed, state) {
    if (exhausted) return say("count_results", { n: shown + waiting });
    var n = cands.ids.length;
    if (cands.exact) return say("count_results", { n: n });
    if (cands.known) return say("count_about", { n: n });
    // One word, too common to list: it is in more remarks than the index lists a word for.
    var bare = !FILTERS.some(function (name) { return state[name]; }) && parsed.groups.length === 1 && !parsed.exclude.length;
    if (bare && meta.common) return say("count_more_than", { n: meta.common });
    return say("count_first_results", { n: shown });
  }

  // Results one after another, or under their meeting (grouped on request).
  function placeResult(item, doc, grouped) {
    if (!grouped) { list.append(item); return; }
    var group = list.querySelector('li.gj-group[data-meeting="' + CSS.escape(doc.url) + '"] > ol');
    if (!group) {
      var heading = el("p", { "class": "gj-group-head" }, [
        el("a", { href: root.dataset.pages + doc.url }, [doc.title]), " · ",
        el("time", { datetime: doc.date }, [formatDate(doc.date)])]);
      group = el("ol", { "class": "gj-group-results" });
      list.append(el("li", { "class": "gj-group", "data-meeting": doc.url }, [heading, group]));
    }
    group.append(item);
  }

  // One run of a query against the index: candidates, then pages of verified results.
  // Resolves with the number found when every candidate was read (else -1).
  function runQuery(meta, state, parsed, mine, shownAt) {
    var match = matcher(parsed), relevance = !state.sort, grouped = state.group === "meeting";
    return candidates(here, meta, state, parsed).then(function (cands) {
      if (mine !== session) return -1;
      var shown = 0, waiting = [], order = new Map();
      cands.ids.forEach(function (id, i) { order.set(id, i); });
      return new Promise(function (resolve) {
        function page(start, focusNew) {
          // By relevance, a page is the best of the remarks verified so far, up to twice
          // ten from the chunks read for the first ten (the text tells how often the
          // words occur); by date, the next ten.
          var want = Math.max(0, PAGE - waiting.length);
          collect(here, meta, cands.ids, start, want, match, 6, relevance ? PAGE : 0).then(function (got) {
            if (mine !== session) return resolve(-1);
            waiting = waiting.concat(got.docs.map(function (doc) { return { doc: doc, score: relevance ? match.score(doc.text, doc) : 0 }; }));
            if (relevance) waiting.sort(function (a, b) { return b.score - a.score || order.get(a.doc.id) - order.get(b.doc.id); });
            var firstNew = null;
            waiting.splice(0, PAGE).forEach(function (entry) {
              var item = resultItem(meta, entry.doc, match, state.q);
              firstNew = firstNew || item;
              placeResult(item, entry.doc, grouped);
              shown++;
            });
            var exhausted = got.next >= cands.ids.length;
            status.textContent = countText(meta, cands, shown, waiting.length, exhausted, parsed, state);
            more.hidden = exhausted && !waiting.length;
            more.onclick = function () { more.hidden = true; root.setAttribute("aria-busy", "true"); page(got.next, true); };
            // After "Show more", keyboard focus goes to the first new result, not to the top.
            if (focusNew && firstNew) firstNew.querySelector("a.gj-result-link").focus();
            if (exhausted && !waiting.length && !focusNew) shownAt();
            resolve(exhausted && !waiting.length ? shown : -1);
            root.setAttribute("aria-busy", "false");
          }, function (error) { resolve(Promise.reject(error)); });
        }
        page(0, false);
      }).then(function (found) { return { found: found, span: cands.span }; });
    });
  }

  function search(state, how) {
    var mine = ++session, started = performance.now();
    writeUrl(state, how);
    list.textContent = "";
    people.textContent = "";
    hint.textContent = "";
    hint.hidden = true;
    note.textContent = "";
    note.hidden = true;
    more.hidden = true;
    // Read by the benchmark and the tests: how long the results took (not counting the
    // other language's hint), and which search finished.
    function shownAt() { if (!root.dataset.elapsed) root.dataset.elapsed = (performance.now() - started).toFixed(1); }
    function finish() {
      if (mine !== session) return;  // a newer search has started: it reports for itself
      shownAt();
      root.setAttribute("aria-busy", "false");
      root.dataset.done = String(mine);
    }
    delete root.dataset.elapsed;
    delete root.dataset.otherSearch;
    root.gjOtherSearch = null;
    if (!validDates(state)) { status.textContent = ""; finish(); return Promise.resolve(); }
    // How to show results, or how words were read, is no search of its own.
    var empty = !FIELDS.some(function (name) { return state[name] && ["sort", "group", "asis", "literal"].indexOf(name) < 0; });
    if (empty) { status.textContent = strings.prompt; chips.textContent = ""; chips.hidden = true; finish(); return Promise.resolve(); }
    status.textContent = strings.searching;
    root.setAttribute("aria-busy", "true");
    if (state.literal) {
      note.textContent = say("literal_note", { words: state.literal });
      note.hidden = false;
    }
    return here.fetch("meta.json").then(function (meta) {
      var parsed = parseQuery(state.q);
      // The people whose name the query starts, beside the results (not before them: the
      // names file is fetched while the remarks are searched; without it, no names).
      var named = state.q ? peopleMatches(here, meta, state.q).catch(function () { return []; }) : Promise.resolve([]);
      var namesShown = named.then(function (found) {
        if (mine !== session) return;
        found.forEach(function (p) {
          var item = el("li", {}, [el("a", { href: root.dataset.speakers + p[0] + "/" }, [p[1]]),
                                   say("in_parentheses", { text: say("count_remarks", { n: p[2] }) })]);
          // Their remarks, where they have any (their page still shows their roles).
          if (p[2] > 0) item.append(" · ", el("a", { href: "?speaker=" + encodeURIComponent(p[0]), "class": "gj-filter-speaker" }, [strings.remarks_of]));
          people.append(item);
        });
      });
      var things = state.q ? namedThings(here, meta, parsed).catch(function () { return []; }) : Promise.resolve([]);
      return things.then(function (things) {
        if (mine !== session) return;
        var plan = understood(state, parsed, things);
        // The other language's search, when the language selector asks for it (reading
        // the other index's meta.json for every search would weigh on each query).
        var otherState = null;
        function theirs() {
          otherState = otherState || otherLanguageState(state, parsed, things);
          return otherState;
        }
        root.gjOtherSearch = function () {
          return theirs().then(function (next) { return next ? queryString(next) : window.location.search; });
        };
        root.dataset.otherSearch = "ready";
        var run = plan || { state: state, parsed: parsed };
        return runQuery(meta, run.state, run.parsed, mine, shownAt).then(function (got) {
          if (mine !== session) return;
          showChips(meta, state, plan, got.span);
          if (plan && plan.things.length && got.found === 0) {
            // The words said nothing within what they were read to name: search them all as typed.
            note.textContent = say("fallback_note", { words: plan.things.map(function (t) { return t.words; }).join(" ") });
            note.hidden = false;
            list.textContent = "";
            showChips(meta, state, null, got.span);
            return runQuery(meta, state, parsed, mine, shownAt);
          }
          return got;
        }).then(function (got) {
          if (mine !== session) return;
          if (got && got.found === 0) {
            return theirs().then(function (next) { return otherLanguageHint(next, mine); }).then(function () { return namesShown; }).then(finish);
          }
          return namesShown.then(finish);
        });
      });
    }).catch(function (error) {
      status.textContent = strings.failed + " (" + error.message + ")";
      finish();
    });
  }

  form.addEventListener("input", function (event) {
    clearTimeout(pending);
    var how = event.target.name === "q" ? "typing" : "push";
    // New words are read afresh: a name in them is a filter again, and they are this
    // language's own.
    if (event.target.name === "q") { form.elements.asis.value = ""; form.elements.literal.value = ""; }
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
