// quotecheck HTML report: tooltips on hover and keyboard focus, legend toggles, flag links.
// Progressive enhancement only: without the script, the title attributes and the hidden
// descriptions (aria-describedby) still carry every label.
(function () {
  "use strict";
  var article = document.getElementById("qc-article");
  if (!article) { return; }
  document.documentElement.classList.add("qc-js");

  var tip = document.createElement("div");
  tip.id = "qc-tip";
  tip.setAttribute("role", "tooltip");
  tip.hidden = true;
  document.body.appendChild(tip);

  // The script's own tooltip replaces the browser's, so move titles aside.
  Array.prototype.forEach.call(article.querySelectorAll(".qc[title]"), function (el) {
    el.setAttribute("data-title", el.getAttribute("title"));
    el.removeAttribute("title");
  });

  function show(el) {
    var desc = document.getElementById(el.getAttribute("data-desc"));
    if (!desc) { return; }
    var copy = desc.cloneNode(true);
    copy.removeAttribute("id");
    tip.replaceChildren(copy);
    tip.hidden = false;
    var box = el.getBoundingClientRect();
    var left = Math.min(box.left, document.documentElement.clientWidth - tip.offsetWidth - 8);
    tip.style.left = Math.max(8, left) + window.scrollX + "px";
    tip.style.top = box.bottom + window.scrollY + 6 + "px";
  }
  function hide() { tip.hidden = true; }
  function spanOf(target) {
    return target && target.closest ? target.closest(".qc[data-desc]") : null;
  }

  article.addEventListener("mouseover", function (e) {
    var el = spanOf(e.target);
    if (el) { show(el); }
  });
  article.addEventListener("mouseleave", hide);
  article.addEventListener("focusin", function (e) {
    var el = spanOf(e.target);
    if (el) { show(el); }
  });
  article.addEventListener("focusout", hide);
  document.addEventListener("keydown", function (e) {
    if (e.key === "Escape") { hide(); }
  });

  // A checkbox per legend entry turns that kind of highlighting off and on.
  Array.prototype.forEach.call(document.querySelectorAll(".qc-legend li[data-kind]"), function (li) {
    var kind = li.getAttribute("data-kind");
    var box = document.createElement("input");
    box.type = "checkbox";
    box.checked = true;
    box.className = "qc-toggle";
    box.setAttribute("aria-label", "Highlight " + li.getAttribute("data-label"));
    box.addEventListener("change", function () {
      article.classList.toggle("qc-off-" + kind, !box.checked);
    });
    li.insertBefore(box, li.firstChild);
  });

  // Following a flag link moves keyboard focus to the flagged passage, not just the view.
  Array.prototype.forEach.call(document.querySelectorAll(".qc-flags a, .qc-sources a"), function (a) {
    a.addEventListener("click", function () {
      var target = document.getElementById(a.getAttribute("href").slice(1));
      if (target) { window.setTimeout(function () { target.focus(); }, 0); }
    });
  });
})();
