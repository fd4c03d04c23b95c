// The action tracker page: rows and cells are built as DOM nodes whose text is set with
// textContent, so names and sentences from the minutes are never read as markup.
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("govkg-data").textContent);
  var thead = document.querySelector("#govkg-tracker thead");
  var tbody = document.querySelector("#govkg-tracker tbody");
  var ownerSel = document.getElementById("govkg-owner");
  var stateSel = document.getElementById("govkg-state");

  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) { e.textContent = text; }
    if (cls) { e.className = cls; }
    return e;
  }
  function option(sel, value) { var o = el("option", value); o.value = value; sel.appendChild(o); }

  var head = el("tr");
  ["Meeting", "Owner", "Task", "Due", "State"].forEach(function (h) { head.appendChild(el("th", h)); });
  data.meetings.forEach(function (m) { head.appendChild(el("th", m.label)); });
  thead.appendChild(head);

  var owners = {};
  var states = {};
  data.actions.forEach(function (a) {
    a.owners.forEach(function (o) { owners[o] = true; });
    states[a.status] = true;
    var tr = el("tr");
    tr.setAttribute("data-owners", JSON.stringify(a.owners));
    tr.setAttribute("data-state", a.status);
    tr.appendChild(el("td", a.date));
    tr.appendChild(el("td", a.owners.join("; ")));
    var task = el("td", a.task, "task");
    task.title = a.evidence;
    tr.appendChild(task);
    tr.appendChild(el("td", a.due));
    tr.appendChild(el("td", a.status.replace("_", " "), a.status));
    data.meetings.forEach(function (m) {
      var reps = a.reports.filter(function (r) { return r.meeting === m.iri; });
      var td;
      if (m.date <= a.date) {
        td = el("td", "", "cell");
      } else if (reps.length) {
        var last = reps[reps.length - 1];
        td = el("td", last.state.replace("_", " "), "cell " + last.state);
        td.title = reps.map(function (r) { return r.evidence; }).join("\n");
        td.setAttribute("data-state", last.state);
      } else {
        td = el("td", "\u2013", "cell open");
      }
      tr.appendChild(td);
    });
    tbody.appendChild(tr);
  });
  Object.keys(owners).sort().forEach(function (o) { option(ownerSel, o); });
  Object.keys(states).sort().forEach(function (s) { option(stateSel, s); });

  function apply() {
    var o = ownerSel.value, s = stateSel.value, shown = 0;
    Array.prototype.forEach.call(tbody.rows, function (tr) {
      var ok = (!o || JSON.parse(tr.getAttribute("data-owners")).indexOf(o) >= 0) &&
               (!s || tr.getAttribute("data-state") === s);
      tr.style.display = ok ? "" : "none";
      if (ok) { shown += 1; }
    });
    document.getElementById("govkg-count").textContent = shown + " of " + tbody.rows.length + " actions";
  }
  ownerSel.addEventListener("change", apply);
  stateSel.addEventListener("change", apply);
  apply();
  window.govkgTracker = { apply: apply, data: data };
  document.body.setAttribute("data-govkg-ready", "true");
  window.govkgReady = true;
})();
