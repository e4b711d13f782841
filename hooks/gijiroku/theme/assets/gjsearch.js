/*
 * gijiroku remark search: queries the static index in search-index/ (see
 * hooks/gijiroku/search/build.py for its layout) a few small files at a time.
 * The tokenizer below must stay identical to hooks/gijiroku/search/tokenize.py;
 * tests/test_browser_search.py compares the two.
 */
(function () {
  "use strict";

  // -- tokenizer (twin of tokenize.py) -------------------------------------------
  var CJK = "\u3041-\u3096\u30a1-\u30fa\u30fc\u3005\u3006\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff";
  var TOKEN = new RegExp("[" + CJK + "]+|[a-z0-9]+", "g");
  var WORD = /^[a-z0-9]+$/;
  var HIRAGANA = /^[\u3041-\u3096]$/;
  var DOUBLE = /([b-df-hj-km-np-tv-xz])\1$/;

  function normalize(text) { return text.normalize("NFKC").toLowerCase(); }

  function stem(word) {
    if (word.length <= 3 || !/^[a-z]+$/.test(word)) return word;
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

  function runs(text) { return normalize(text).match(TOKEN) || []; }

  function chars(run) { return Array.from(run); }

  function termsOfRun(run) {
    if (WORD.test(run)) return [stem(run)];
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
      if (WORD.test(run)) { out.push(stem(run)); return; }
      var cs = chars(run);
      if (cs.length === 1) { out.push(run); return; }
      for (var i = 0; i + 1 < cs.length; i++) out.push(cs[i] + cs[i + 1]);
    });
    return Array.from(new Set(out));
  }

  function fnv1a(term) {
    var h = 0x811c9dc5;
    for (var ch of term) { h ^= ch.codePointAt(0); h = Math.imul(h, 0x01000193) >>> 0; }
    return h;
  }

  // Exposed for the tests that compare this tokenizer with the Python one.
  window.gijirokuSearch = { normalize: normalize, stem: stem, terms: terms, queryTerms: queryTerms, fnv1a: fnv1a };

  var root = document.getElementById("gj-search");
  if (!root) return;

  // -- index access ---------------------------------------------------------------
  var base = root.dataset.index;
  var strings = JSON.parse(document.getElementById("gj-search-strings").textContent);
  var cache = {};
  var COMMON = "*";

  function fetchJSON(path) {
    if (!cache[path]) {
      cache[path] = fetch(base + path).then(function (response) {
        if (!response.ok) throw new Error(path + ": " + response.status);
        return response.json();
      });
    }
    return cache[path];
  }

  function decodeIds(text) {
    if (!text) return [];
    var out = [], prev = 0;
    text.split(",").forEach(function (part) { prev += parseInt(part, 36); out.push(prev); });
    return out;
  }

  function termIds(meta, term) {
    return fetchJSON("terms/" + (fnv1a(term) % meta.shards) + ".json").then(function (shard) {
      var value = shard[term];
      if (value === undefined) return [];
      return value === COMMON ? COMMON : decodeIds(value);
    });
  }

  function facetIds(name) {
    return fetchJSON("facets/" + name + ".json").then(decodeIds, function () { return []; });
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
  function candidates(meta, state) {
    var qterms = queryTerms(state.q);
    var lists = qterms.map(function (t) { return termIds(meta, t); });
    var facets = [];
    var speaker = indexOf(meta.people, state.speaker);
    if (state.speaker) facets.push(speaker >= 0 ? facetIds("s-" + speaker) : Promise.resolve([]));
    var topic = indexOf(meta.topics, state.topic);
    if (state.topic) facets.push(topic >= 0 ? facetIds("t-" + topic) : Promise.resolve([]));
    var council = indexOf(meta.councils, state.council);
    if (state.council) facets.push(council >= 0 ? facetIds("c-" + council) : Promise.resolve([]));
    if (state.kind) facets.push(facetIds("k-" + state.kind));
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

  // What a document must contain: each Japanese run of the query as written, each word's stem.
  function matcher(q) {
    var needles = [], stems = [];
    runs(q).forEach(function (run) { if (WORD.test(run)) stems.push(stem(run)); else needles.push(run); });
    return {
      needles: needles, stems: stems,
      test: function (text) {
        var norm = normalize(text);
        if (!needles.every(function (n) { return norm.indexOf(n) >= 0; })) return false;
        if (!stems.length) return true;
        var have = new Set(terms(text));
        return stems.every(function (s) { return have.has(s); });
      }
    };
  }

  function loadDoc(meta, id) {
    return fetchJSON("docs/" + Math.floor(id / meta.chunk) + ".json").then(function (chunk) {
      var row = chunk.d[id % meta.chunk];
      var meeting = chunk.m[row[0]];
      return {
        id: id, anchor: row[1], kind: row[2], speaker: row[3], role: row[4], topics: row[5], text: row[6],
        title: meeting[0], date: meeting[1], council: meeting[2], url: meeting[3], translated: meeting[4]
      };
    });
  }

  // Verify candidates in order until `want` results are found or `maxChunks` new chunks were read.
  function collect(meta, cands, start, want, match, maxChunks) {
    var found = [], pos = start, chunksRead = new Set();
    function step() {
      if (found.length >= want || pos >= cands.length) return Promise.resolve();
      var chunk = Math.floor(cands[pos] / meta.chunk);
      if (!chunksRead.has(chunk) && chunksRead.size >= maxChunks) return Promise.resolve();
      chunksRead.add(chunk);
      var id = cands[pos++];
      return loadDoc(meta, id).then(function (doc) {
        if (match.test(doc.text)) found.push(doc);
        return step();
      });
    }
    return step().then(function () { return { docs: found, next: pos }; });
  }

  // -- rendering --------------------------------------------------------------------
  var dateFormat = new Intl.DateTimeFormat(document.documentElement.lang || undefined, { dateStyle: "long", timeZone: "UTC" });

  function formatDate(iso) { return dateFormat.format(new Date(iso + "T00:00:00Z")); }

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    (children || []).forEach(function (c) { node.append(c); });
    return node;
  }

  // The text with the query's matches marked, cut to a window around the first one.
  function highlighted(text, match) {
    var map = [], norm = "";
    for (var i = 0; i < text.length; i++) {
      var piece = text[i].normalize("NFKC").toLowerCase();
      for (var j = 0; j < piece.length; j++) map.push(i);
      norm += piece;
    }
    var marks = [];
    match.needles.forEach(function (n) {
      var at = norm.indexOf(n);
      while (at >= 0) { marks.push([map[at], map[at + n.length - 1] + 1]); at = norm.indexOf(n, at + n.length); }
    });
    if (match.stems.length) {
      var re = /[A-Za-z0-9\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]+/g, m;
      while ((m = re.exec(text))) if (match.stems.indexOf(stem(normalize(m[0]))) >= 0) marks.push([m.index, m.index + m[0].length]);
    }
    marks.sort(function (a, b) { return a[0] - b[0]; });
    var first = marks.length ? marks[0][0] : 0;
    var from = Math.max(0, first - 50), to = Math.min(text.length, first + 150);
    var out = el("span", { "class": "gj-result-excerpt" });
    if (from > 0) out.append("…");
    var pos = from;
    marks.forEach(function (mk) {
      if (mk[0] < pos || mk[0] >= to) return;
      out.append(text.slice(pos, mk[0]));
      out.append(el("mark", {}, [text.slice(mk[0], Math.min(mk[1], to))]));
      pos = Math.min(mk[1], to);
    });
    out.append(text.slice(pos, to));
    if (to < text.length) out.append("…");
    return out;
  }

  function resultItem(meta, doc, match) {
    var who;
    if (doc.speaker >= 0) {
      var person = meta.people[doc.speaker];
      who = el("span", { "class": "gj-result-speaker" }, [
        el("a", { href: root.dataset.speakers + person[0] + "/" }, [person[1]]),
        doc.role ? " " + strings.role_open + doc.role + strings.role_close : ""
      ]);
    } else {
      who = el("span", { "class": "gj-result-speaker gj-result-" + doc.kind }, [strings["kind_" + doc.kind]]);
    }
    var link = el("a", { href: root.dataset.pages + doc.url + "#" + doc.anchor, "class": "gj-result-link" }, [doc.title]);
    var head = el("p", { "class": "gj-result-head" }, [who, " · ", link, " · ", el("time", { datetime: doc.date }, [formatDate(doc.date)])]);
    if (doc.kind === "written") head.append(" ", el("span", { "class": "gj-badge" }, [strings.kind_short_written]));
    if (!doc.translated) head.append(" ", el("span", { "class": "gj-badge" }, [strings.not_translated]));
    return el("li", { "class": "gj-result", "data-anchor": doc.anchor }, [head, el("p", {}, [highlighted(doc.text, match)])]);
  }

  function peopleMatches(meta, q) {
    var key = normalize(q).replace(/[\s\u3000]+/g, "");
    if (key.length < 2 && !/[\u3400-\u9fff]/.test(key)) return [];
    return meta.people.filter(function (p) {
      return p[2].some(function (form) { return form === key || form.indexOf(key) === 0; });
    });
  }

  // -- the page ---------------------------------------------------------------------
  var form = root.querySelector("form");
  var list = root.querySelector(".gj-results");
  var status = root.querySelector(".gj-status");
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

  function writeUrl(state) {
    var params = new URLSearchParams();
    FIELDS.forEach(function (name) { if (state[name]) params.set(name, state[name]); });
    var query = params.toString();
    history.replaceState(null, "", window.location.pathname + (query ? "?" + query : ""));
  }

  function search(state) {
    var mine = ++session, started = performance.now();
    writeUrl(state);
    list.textContent = "";
    people.textContent = "";
    more.hidden = true;
    var empty = !FIELDS.some(function (name) { return state[name]; });
    if (empty) { status.textContent = strings.prompt; return Promise.resolve(); }
    status.textContent = strings.searching;
    root.setAttribute("aria-busy", "true");
    return fetchJSON("meta.json").then(function (meta) {
      if (state.q) {
        peopleMatches(meta, state.q).forEach(function (p) {
          people.append(el("li", {}, [
            el("a", { href: root.dataset.speakers + p[0] + "/" }, [p[1]]),
            " (" + strings.count_remarks.replace("{n}", p[3]) + ") · ",
            el("a", { href: "?speaker=" + encodeURIComponent(p[0]), "class": "gj-filter-speaker" }, [strings.remarks_of])
          ]));
        });
      }
      var match = matcher(state.q);
      return candidates(meta, state).then(function (cands) {
        var shown = 0;
        function page(start) {
          return collect(meta, cands, start, PAGE, match, 6).then(function (got) {
            if (mine !== session) return;
            got.docs.forEach(function (doc) { list.append(resultItem(meta, doc, match)); });
            shown += got.docs.length;
            var exact = got.next >= cands.length;
            status.textContent = exact
              ? strings.count_results.replace("{n}", shown)
              : strings.count_candidates.replace("{shown}", shown).replace("{n}", cands.length);
            more.hidden = exact;
            more.onclick = function () { more.hidden = true; root.setAttribute("aria-busy", "true"); page(got.next); };
            root.setAttribute("aria-busy", "false");
            // Read by the benchmark and the tests: which search finished, and how long it took.
            root.dataset.elapsed = (performance.now() - started).toFixed(1);
            root.dataset.done = String(mine);
          });
        }
        return page(0);
      });
    }).catch(function (error) {
      status.textContent = strings.failed + " (" + error.message + ")";
      root.setAttribute("aria-busy", "false");
    });
  }

  form.addEventListener("input", function () {
    clearTimeout(pending);
    pending = setTimeout(function () { search(stateFromForm()); }, 200);
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    clearTimeout(pending);
    search(stateFromForm());
  });

  var initial = stateFromUrl();
  stateToForm(initial);
  search(initial);
})();
