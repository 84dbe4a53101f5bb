// storydesk: click a statement, see the sentence it came from.
// Links to evidence have href "#ev-START-END" (this report) or "/articles/ID#ev-START-END".
// The report text is cut into .seg elements carrying data-s/data-e offsets, so a span is
// highlighted by marking the segments inside it. Nothing here reads or writes report text as HTML.
(function () {
  "use strict";
  var EV = /^#ev-(\d+)-(\d+)$/;
  var reduce = window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches;

  function textBox() { return document.getElementById("report-text"); }

  function say(message) {
    var live = document.getElementById("sd-live");
    if (live) { live.textContent = message; }
  }

  function clear() {
    document.querySelectorAll(".seg.hl").forEach(function (s) { s.classList.remove("hl"); });
    document.querySelectorAll(".sent.hl-sent").forEach(function (s) { s.classList.remove("hl-sent"); });
    document.querySelectorAll('a.ev[aria-current="true"]').forEach(function (a) { a.removeAttribute("aria-current"); });
  }

  function mark(segments) {
    clear();
    var first = null;
    segments.forEach(function (s) {
      s.classList.add("hl");
      if (!first) { first = s; }
    });
    if (first) {
      first.scrollIntoView({ block: "center", behavior: reduce ? "auto" : "smooth" });
    }
    return first;
  }

  function highlightSpan(start, end) {
    var box = textBox();
    if (!box) { return null; }
    var inside = Array.prototype.filter.call(box.querySelectorAll(".seg"), function (s) {
      var a = Number(s.dataset.s), b = Number(s.dataset.e);
      return a >= start && b <= end && b > a;
    });
    var first = mark(inside);
    // The sentences the span is in are shown too, more lightly: a fact reads in its context.
    box.querySelectorAll(".sent").forEach(function (s) {
      if (Number(s.dataset.s) < end && Number(s.dataset.e) > start) { s.classList.add("hl-sent"); }
    });
    if (first) {
      say("Highlighted in the report: " + inside.map(function (s) { return s.textContent; }).join(""));
      document.querySelectorAll('a.ev[href="#ev-' + start + "-" + end + '"]').forEach(function (a) {
        a.setAttribute("aria-current", "true");
      });
    }
    return first;
  }

  function highlightRef(ref) {
    var box = textBox();
    if (!box) { return; }
    var hits = Array.prototype.filter.call(box.querySelectorAll(".seg[data-refs]"), function (s) {
      return s.dataset.refs.split(" ").indexOf(ref) !== -1;
    });
    mark(hits);
    say(hits.length + " highlighted mentions");
  }

  function fromHash() {
    var m = EV.exec(window.location.hash);
    if (m) { highlightSpan(Number(m[1]), Number(m[2])); }
  }

  function flash(el) {
    el.classList.remove("flash");
    void el.offsetWidth;  // restart the animation
    el.classList.add("flash");
    el.scrollIntoView({ block: "nearest", behavior: reduce ? "auto" : "smooth" });
  }

  document.addEventListener("click", function (event) {
    var target = event.target;
    if (!(target instanceof Element)) { return; }
    var link = target.closest("a.ev");
    if (link) {
      var m = EV.exec(link.getAttribute("href") || "");
      if (m) {
        event.preventDefault();
        history.replaceState(null, "", link.getAttribute("href"));
        highlightSpan(Number(m[1]), Number(m[2]));
        link.setAttribute("aria-current", "true");
      }
      return;
    }
    var ref = target.closest("button.ref");
    if (ref) { highlightRef(ref.dataset.ref); return; }
    var seg = target.closest(".seg[data-refs]");
    if (seg) {
      var refs = seg.dataset.refs.split(" ");
      for (var i = 0; i < refs.length; i++) {
        var item = document.getElementById("item-" + refs[i]);
        if (item) { flash(item); return; }
      }
    }
  });

  window.addEventListener("hashchange", fromHash);
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", fromHash);
  } else {
    fromHash();
  }
})();
