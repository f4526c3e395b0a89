// The exported story page (dashboard/export_page.py): map, date slider and panel.
// It keeps the state (date, place, article shown) and shows, hides or copies what Python
// rendered into the page: cards, article text and markers are elements of the page itself,
// and every other text comes from the page's data. It never turns a string into HTML.
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("story-data").textContent);
  var stops = data.stops;
  var state = { position: 0, place: null, article: null, event: null };
  var known = {};
  data.places.forEach(function (place) { known[place.id] = true; });
  var $ = function (id) { return document.getElementById(id); };
  var panel = $("panel");
  var narrow = window.matchMedia("(max-width: 700px)");

  var cards = {};
  $("card-store").content.querySelectorAll("[data-event]").forEach(function (card) {
    cards[card.getAttribute("data-event")] = card;
  });
  var articles = {};
  $("article-store").content.querySelectorAll("[data-article]").forEach(function (article) {
    articles[article.getAttribute("data-article")] = article;
  });
  function markerElement(number) {
    var template = document.querySelector('template[data-marker="' + number + '"]');
    return template.content.firstElementChild.cloneNode(true);
  }

  // The map: the inlined basemap and one marker per place (no image, no request).
  var map = L.map("map", { minZoom: 3, maxZoom: 12, attributionControl: false });
  L.control.scale().addTo(map);
  // The basemap, its names and the edge markers, as in the app: dashboard/static/storymap.js.
  StoryMap.setup(map, {
    basemap: data.basemap, labels: data.labels, styles: data.basemapStyles, title: data.mapTitle
  });
  map.fitBounds(data.bounds);

  var markers = data.places.map(function (place) {
    var marker = L.marker([place.lat, place.lon], {
      icon: L.divIcon({ html: "", className: "place-icon", iconSize: [0, 0], iconAnchor: [0, 0] }),
      keyboard: true
    }).on("click", function () { focusPlace(place.id); }).addTo(map);
    var icon = marker.getElement();
    icon.setAttribute("role", "button");
    // Enter or Space on a focused marker focuses its place, as a click does.
    icon.addEventListener("keydown", function (event) {
      if (event.key === "Enter" || event.key === " ") {
        event.preventDefault();
        focusPlace(place.id);
      }
    });
    return { marker: marker, place: place, shown: null };
  });

  function showMarkers(index) {
    var row = data.markers[index];
    markers.forEach(function (entry, number) {
      var html = row[number][0];
      var tooltip = data.tooltips[row[number][1]];
      if (entry.shown !== html) {
        entry.marker.setIcon(L.divIcon({
          html: markerElement(html), className: "place-icon", iconSize: [0, 0], iconAnchor: [0, 0]
        }));
        entry.shown = html;
      }
      var icon = entry.marker.getElement();
      icon.setAttribute("aria-label", tooltip);
      icon.title = tooltip;
      var root = icon.querySelector("[data-place]");
      if (root) root.classList.toggle("selected", state.place === entry.place.id);
    });
    StoryMap.refresh(map, true);
  }

  var table = $("places-table");
  table.querySelectorAll("button[data-table-place]").forEach(function (button) {
    button.addEventListener("click", function () { focusPlace(button.getAttribute("data-table-place")); });
  });
  function showTable(stop) {
    var counts = data.counts[stop.index] || {};
    var fresh = {};
    (data.fresh[stop.index] || []).forEach(function (id) { fresh[id] = true; });
    table.querySelector("caption").textContent = stop.table;
    table.querySelectorAll("tbody tr").forEach(function (row) {
      var id = row.getAttribute("data-table-place");
      row.querySelector(".count").textContent = String(counts[id] || 0);
      row.querySelector(".new").textContent = data.newWords[fresh[id] ? 1 : 0];
    });
  }

  function showCards(ids) {
    $("panel-cards").replaceChildren.apply(
      $("panel-cards"), ids.map(function (id) { return cards[id].cloneNode(true); })
    );
  }

  function showArticle() {
    var article = articles[state.article];
    $("article-view").hidden = !article;
    if (!article) return;
    var copy = article.cloneNode(true);
    copy.querySelectorAll("mark[data-events]").forEach(function (mark) {
      var ids = mark.getAttribute("data-events").split(" ");
      mark.classList.toggle("focus", ids.indexOf(state.event) >= 0);
    });
    $("article-shown").replaceChildren(copy);
  }

  function showPanel(stop) {
    var ids;
    var place = state.place;
    $("panel-heading").textContent = place ? stop.placeHeadings[place] : stop.heading;
    $("place-description").hidden = !place || !data.descriptions[place];
    $("place-description").textContent = place ? data.descriptions[place] : "";
    $("unfocus").hidden = !place;
    $("stop-caption").hidden = !!place;
    $("stop-caption").textContent = stop.caption;
    if (place) {
      ids = data.placeEvents[place].filter(function (id) {
        return data.eventStop[id] <= stop.index;
      });
    } else {
      ids = stop.events;
    }
    $("panel-cards").hidden = !!state.article;
    showCards(ids);
    showArticle();
  }

  var slider = $("date");
  var previous = $("previous");
  var next = $("next");
  slider.max = String(Math.max(stops.length - 1, 0));

  function render() {
    if (!stops.length) {
      $("panel-heading").textContent = "There are no events to show.";
      return;
    }
    var stop = stops[state.position];
    slider.value = String(state.position);
    slider.setAttribute("aria-valuetext", stop.label);
    $("date-label").textContent = stop.label;
    previous.disabled = state.position === 0;
    next.disabled = state.position === stops.length - 1;
    showMarkers(stop.index);
    showTable(stop);
    showPanel(stop);
    var hash = "#date=" + encodeURIComponent(stop.code) +
      (state.place ? "&place=" + encodeURIComponent(state.place) : "");
    if (location.hash !== hash) {
      try { history.replaceState(null, "", hash); } catch (error) { /* some file: views refuse */ }
    }
  }

  // On a phone the panel is below the map: bring what a tap revealed to where the reader looks.
  function reveal() {
    panel.scrollTop = 0;
    if (narrow.matches && panel.getBoundingClientRect().top > window.innerHeight * 0.6) {
      panel.scrollIntoView({ block: "end" });
    }
  }

  function focusPlace(placeId) {
    state.place = placeId;
    state.article = null;
    render();
    reveal();
  }

  function go(position) {
    state.position = Math.min(Math.max(position, 0), stops.length - 1);
    render();
  }

  slider.addEventListener("input", function () { go(Number(slider.value)); });
  previous.addEventListener("click", function () { go(state.position - 1); });
  next.addEventListener("click", function () { go(state.position + 1); });
  $("unfocus").addEventListener("click", function () { focusPlace(null); });
  $("close-article").addEventListener("click", function () {
    state.article = null;
    render();
    $("panel-heading").focus();
  });
  // A source opens its article in the panel, its sentence outlined (the app's articles page).
  $("panel-cards").addEventListener("click", function (event) {
    var link = event.target.closest("a[data-article]");
    if (!link) return;
    event.preventDefault();
    state.article = link.getAttribute("data-article");
    state.event = link.getAttribute("data-for");
    render();
    var focused = $("article-shown").querySelector("mark.focus");
    (focused || $("article-view")).scrollIntoView({ block: "center" });
    $("close-article").focus();
  });
  $("panel-heading").tabIndex = -1;

  // The view lives in the address (#date=...&place=...), as in the app.
  var asked = new URLSearchParams(location.hash.slice(1));
  var codes = stops.map(function (stop) { return stop.code; });
  var start = codes.indexOf(asked.get("date") || "");
  var firstStory = stops.length > 1 && stops[0].code === "background" ? 1 : 0;
  state.position = start >= 0 ? start : firstStory;
  state.place = known[asked.get("place")] ? asked.get("place") : null;
  render();
})();
