/* gijiroku: keep the #fragment when switching language; copy links and citations. */
(function () {
  "use strict";

  // Language links: follow them ourselves, with the current #fragment, so that a
  // reader lands on the same remark in the other language; on the search page, with the
  // query and filters too (ids are the same in every language).
  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a.gj-lang-link, a.gj-original-link");
    if (!link || event.metaKey || event.ctrlKey || event.shiftKey) return;
    event.preventDefault();
    event.stopPropagation();
    // The search page makes the other language's search (its names and topics in that
    // language's words) once it has read the query; until then, the same one.
    var box = document.getElementById("gj-search");
    var go = function (search) { window.location.href = link.href.split(/[?#]/)[0] + search + window.location.hash; };
    if (box && typeof box.gjOtherSearch === "function") {
      box.gjOtherSearch().then(go, function () { go(window.location.search); });
    } else {
      go(box ? window.location.search : "");
    }
  }, true);

  // Addresses that moved (minutes/ledger.yml): when the #fragment is no longer on this
  // page, the page's fragment map says where it went.
  function followMoved() {
    var id = decodeURIComponent(window.location.hash.slice(1));
    if (!id || document.getElementById(id)) return;
    var maps = document.querySelectorAll("script.gj-moved");
    for (var i = 0; i < maps.length; i++) {
      var target = JSON.parse(maps[i].textContent)[id];
      if (typeof target === "string") { window.location.replace(target); return; }
    }
  }
  followMoved();
  window.addEventListener("hashchange", followMoved);

  // Arriving on an anchor. A year folded in a list (the meetings index) is opened. And
  // Material's table of contents marks a section as reached once its heading is above
  // the header's height plus 0.8 × the content's top margin; the scroll margin that keeps
  // a target clear of the header (4rem) left it just below that line, so the section
  // before it was marked. The target lands just inside the line instead.
  function landOnTarget() {
    var id = decodeURIComponent(window.location.hash.slice(1));
    var target = id ? document.getElementById(id) : null;
    if (!target) return;
    for (var node = target; node; node = node.parentElement) {
      if (node.tagName === "DETAILS" && !node.open) node.open = true;
    }
    var header = document.querySelector(".md-header"), main = document.querySelector("main");
    var first = main && main.firstElementChild;
    if (!header || !first) return;
    var line = header.offsetHeight + 0.8 * (first.offsetTop - main.offsetTop);
    target.style.scrollMarginTop = Math.max(header.offsetHeight + 4, Math.floor(line) - 4) + "px";
    target.scrollIntoView();
  }
  window.addEventListener("load", landOnTarget);
  window.addEventListener("hashchange", landOnTarget);

  // Material treats the <link rel=alternate> of the head as language homes and takes over
  // a click on any link below one that the current page is not below (it sends it to
  // that "home" when the page is not in its sitemap). Ours name this very page in each
  // language, so a link below the other one (a search in the other language, with its
  // query) must simply be followed. Material listens on <body>: the click is stopped
  // just before, once the link's own handlers have run.
  var alternates = Array.prototype.map.call(document.querySelectorAll("link[rel=alternate][hreflang]"),
    function (link) { return link.href.replace(/\/$/, "") + "/"; });
  function keepLink(event) {
    var link = event.target.closest && event.target.closest("a[href]");
    if (!link) return;
    var here = window.location.href;
    if (alternates.some(function (base) { return link.href.indexOf(base) === 0 && here.indexOf(base) !== 0; })) {
      event.stopPropagation();
    }
  }
  Array.prototype.forEach.call(document.body.children, function (child) { child.addEventListener("click", keepLink); });

  // Material also fetches a sitemap.xml beside every <link rel=alternate> of the head when
  // the document is ready (it takes each for a language's home): ours are this page in each
  // language and its feed, so every page asked for sitemaps that do not exist. They are
  // hidden from it while it looks (its listener runs first) and put back at once.
  var heads = Array.prototype.slice.call(document.querySelectorAll("link[rel=alternate]"));
  heads.forEach(function (link) { link.setAttribute("rel", "alternate gj-not-a-home"); });
  document.addEventListener("DOMContentLoaded", function () {
    heads.forEach(function (link) { link.setAttribute("rel", "alternate"); });
  }, { once: true });

  // A table wider than the column scrolls: let the keyboard reach it (WCAG 2.1.1).
  // Material wraps tables once its own script has run, so this runs after load and
  // again when the window changes size.
  function focusableScrollers() {
    document.querySelectorAll(".md-typeset__scrollwrap").forEach(function (wrap) {
      if (wrap.scrollWidth > wrap.clientWidth + 1) wrap.setAttribute("tabindex", "0");
      else wrap.removeAttribute("tabindex");
    });
  }
  window.addEventListener("load", focusableScrollers);
  window.addEventListener("resize", focusableScrollers);

  // -- a remark's tools, made when a reader opens them ---------------------------------
  // The page holds the meeting's citation pattern once (script.gj-cite-data); each remark
  // gets one button, and the citation, the copy buttons and the address are made when it
  // is pressed. Without the script, the heading's ¶ is the remark's link and the page
  // prints the meeting's citation.
  var citeScript = document.querySelector("script.gj-cite-data");
  var cite = citeScript ? JSON.parse(citeScript.textContent) : null;
  var SPEAKER = "\u0001s\u0001", ROLE = "\u0001r\u0001";

  function remarkUrl(anchor) {
    var base = cite && cite.url ? cite.url : window.location.origin + window.location.pathname;
    return base + "#" + anchor;
  }

  function citationOf(heading, remark) {
    var link = heading.querySelector("a[href*='speakers/']");
    var person = link ? link.getAttribute("href").split("/").filter(Boolean).pop() : null;
    if (person && cite.people[person]) {
      var who = cite.people[person];
      return cite.remark.split(SPEAKER).join(who[0]).split(ROLE).join(who[1]);
    }
    return remark.classList.contains("gj-kind-unattributed") ? cite.unattributed : cite.narration;
  }

  if (cite) {
    document.querySelectorAll(".gj-remark-heading[id]").forEach(function (heading) {
      var remark = heading.nextElementSibling;
      if (!remark || !remark.classList.contains("gj-remark")) return;
      var tools = document.createElement("p");
      tools.className = "gj-tools";
      var open = document.createElement("button");
      open.type = "button";
      open.className = "gj-tools-open";
      open.setAttribute("aria-expanded", "false");
      open.setAttribute("aria-controls", "gj-cite-" + heading.id);
      open.dataset.anchor = heading.id;
      open.textContent = cite.words.cite_and_link;
      tools.appendChild(open);
      remark.appendChild(tools);
    });
  }

  function makePanel(button) {
    var id = button.dataset.anchor, heading = document.getElementById(id);
    var panel = document.createElement("div");
    panel.className = "gj-cite";
    panel.id = "gj-cite-" + id;
    var line = document.createElement("p");
    var citation = document.createElement("span");
    citation.className = "gj-citation";
    citation.textContent = citationOf(heading, heading.nextElementSibling);
    var url = document.createElement("span");
    url.className = "gj-citation-url";
    url.textContent = remarkUrl(id);
    line.append(citation, " ", url);
    var buttons = document.createElement("p");
    buttons.className = "gj-cite-tools";
    [["copy_link", "gj-copy"], ["copy_citation", "gj-copy gj-copy-citation"]].forEach(function (made, i) {
      var copy = document.createElement("button");
      copy.type = "button";
      copy.className = made[1];
      copy.dataset.anchor = id;
      copy.dataset.copied = cite.words.copied;
      copy.textContent = cite.words[made[0]];
      if (i) buttons.append(" ");
      buttons.appendChild(copy);
    });
    panel.append(line, buttons);
    button.parentNode.after(panel);
    return panel;
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("button.gj-tools-open");
    if (!button) return;
    var panel = document.getElementById("gj-cite-" + button.dataset.anchor) || makePanel(button);
    var opening = button.getAttribute("aria-expanded") !== "true";
    panel.hidden = !opening;
    button.setAttribute("aria-expanded", opening ? "true" : "false");
  });

  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) return navigator.clipboard.writeText(text);
    var area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.appendChild(area);
    area.select();
    try { document.execCommand("copy"); } finally { document.body.removeChild(area); }
    return Promise.resolve();
  }

  // "Copy link" copies the remark's address alone (it must work pasted into an address
  // bar); "Copy citation" copies the citation line followed by the address.
  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("button.gj-copy");
    if (!button) return;
    var url = remarkUrl(button.dataset.anchor);
    var panel = button.classList.contains("gj-copy-citation") && button.closest(".gj-cite");
    var text = panel ? panel.querySelector(".gj-citation").textContent + " " + url : url;
    copyText(text).then(function () {
      var label = button.textContent;
      button.textContent = button.dataset.copied;
      button.dataset.copiedText = text;
      setTimeout(function () { button.textContent = label; }, 2000);
    });
  });

  // -- the side-by-side view, assembled from the meeting's data -----------------------
  // compare/?meeting=COUNCIL/MEETING: the meeting's JSON holds both languages with the
  // same remark ids; each remark's original is laid beside its translation.
  var view = document.getElementById("gj-compare");
  if (view) showCompare(view);

  function showCompare(view) {
    var strings = JSON.parse(view.querySelector("script.gj-compare-strings").textContent);
    var status = view.querySelector(".gj-compare-status");
    var here = document.documentElement.lang;
    var key = new URLSearchParams(window.location.search).get("meeting") || "";
    if (!/^[a-z0-9-]+\/[a-z0-9-]+$/.test(key)) { status.textContent = strings.compare_choose; return; }
    status.textContent = strings.compare_loading;
    var root = new URL(view.dataset.data, window.location.href);
    fetch(new URL("api/meetings/" + key + ".json", root)).then(function (response) {
      if (!response.ok) throw new Error(response.status);
      return response.json();
    }).then(function (meeting) {
      layOut(meeting);
      landOnTarget();
    }).catch(function () { status.textContent = strings.compare_failed; });

    function fill(text, values) {
      return text.replace(/\{(\w+)\}/g, function (all, name) { return name in values ? values[name] : all; });
    }
    function element(tag, attrs, children) {
      var node = document.createElement(tag);
      Object.keys(attrs || {}).forEach(function (name) { node.setAttribute(name, attrs[name]); });
      (children || []).forEach(function (child) { node.append(child); });
      return node;
    }
    function paragraphs(text) {
      return text.split("\n\n").map(function (p) { return element("p", {}, [p]); });
    }
    function layOut(m) {
      var original = m.original_language;
      var other = m.languages.filter(function (l) { return l !== original; })[0] ||
        (original === "ja" ? "en" : "ja");
      var title = m.title[here] || m.title[original];
      var page = new URL(m.links.pages[here], root).href;
      document.querySelector("h1").firstChild.textContent = fill(strings.title, { title: title });
      document.title = fill(strings.title, { title: title }) + document.title.replace(/^[^-–|]*/, " ");
      status.textContent = "";
      var intro = element("p", { "class": "gj-compare-intro" }, [element("a", { href: page }, [strings.back_to_meeting])]);
      view.appendChild(intro);
      if (m.languages.length < 2) {
        view.appendChild(element("p", {}, [strings.compare_not_translated]));
        return;
      }
      var stale = new Set(((m.translations[other] || {}).stale_remarks) || []);
      var opinions = 0;
      var head = element("tr", {}, [
        element("th", { scope: "col" }, [strings.original_column + fill(strings.parentheses, { text: strings["lang_" + original] })]),
        element("th", { scope: "col" }, [strings.translation_column + fill(strings.parentheses, { text: strings["lang_" + other] })])]);
      var body = element("tbody");
      m.remarks.forEach(function (r) {
        var heading;
        if (r.speaker) {
          var who = m.people[r.speaker] || { name: {}, role: {} };
          var role = who.role[here] || who.role[original] || "";
          heading = (who.name[here] || r.speaker) + (role ? fill(strings.parentheses, { text: role }) : "");
        } else if (r.kind === "unattributed") {
          heading = fill(strings.opinion, { n: ++opinions });
        } else {
          heading = strings.kind_narration;
        }
        var left = element("td", { lang: original }, [
          element("p", { "class": "gj-compare-head", lang: here }, [element("a", { href: page + "#" + r.id }, [heading])])
        ].concat(paragraphs(r.text[original])));
        var translated = r.text[other];
        var right = element("td", { lang: other }, translated ? paragraphs(translated) : [
          element("p", { "class": "gj-missing", lang: here }, [strings.not_translated])]);
        if (translated && stale.has(r.id)) {
          right.className = "gj-stale";
          right.appendChild(element("p", { "class": "gj-stale-note", lang: here }, [strings.stale_notice]));
        }
        body.appendChild(element("tr", { id: r.id, "class": "gj-compare-row gj-kind-" + r.kind }, [left, right]));
      });
      view.appendChild(element("table", { "class": "gj-compare" }, [element("thead", {}, [head]), body]));
    }
  }
})();
