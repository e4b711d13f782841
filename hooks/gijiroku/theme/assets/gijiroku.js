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

  function remarkUrl(anchor) {
    return window.location.origin + window.location.pathname + "#" + anchor;
  }

  // Citation URLs: filled in here where the site was built without a site_url.
  document.querySelectorAll("details.gj-cite").forEach(function (details) {
    var url = details.querySelector(".gj-citation-url");
    var button = details.querySelector(".gj-copy");
    if (url && !url.textContent.trim() && button) url.textContent = remarkUrl(button.dataset.anchor);
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
    var cite = button.classList.contains("gj-copy-citation") && button.closest("details.gj-cite");
    var text = cite ? cite.querySelector(".gj-citation").textContent + " " + url : url;
    copyText(text).then(function () {
      var label = button.textContent;
      button.textContent = button.dataset.copied;
      button.dataset.copiedText = text;
      setTimeout(function () { button.textContent = label; }, 2000);
    });
  });
})();
