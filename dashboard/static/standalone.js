// The self-contained story page (dashboard/standalone.py): map, date slider and panel.
// Every text from the data is inserted with textContent, never as HTML.
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("story-data").textContent);
  var stops = data.stops;
  var placesById = {};
  data.places.forEach(function (place) { placesById[place.id] = place; });
  var state = { position: 0, place: null };

  function el(tag, className, text) {
    var element = document.createElement(tag);
    if (className) element.className = className;
    if (text !== undefined && text !== null) element.textContent = text;
    return element;
  }

  function countWords(count) {
    return count === 0 ? "nothing yet" : count + " event" + (count === 1 ? "" : "s");
  }

  function countAt(index, placeId) {
    return index >= 0 ? data.counts[index][placeId] || 0 : 0;
  }

  // Events up to timeline stop `index` (of one place if given), newest first.
  function revealed(index, placeId) {
    var found = [];
    data.byStop.slice(0, index + 1).forEach(function (ids) {
      ids.forEach(function (id) {
        if (!placeId || data.events[id].places.indexOf(placeId) >= 0) found.push(id);
      });
    });
    return found.reverse();
  }

  // The map: the inlined basemap and one divIcon marker per place (no image, no request).
  var map = L.map("map", { minZoom: 3, maxZoom: 12, attributionControl: false });
  L.control.scale().addTo(map);
  // The basemap, its names, the keyboard and "outside this view": dashboard/static/storymap.js.
  StoryMap.setup(map, {
    basemap: data.basemap, labels: data.labels, styles: data.basemapStyles, title: data.mapTitle
  });
  map.fitBounds(data.bounds);

  var markers = {};
  data.places.forEach(function (place) {
    var root = el("div", "place-marker " + place.kind + (place.base ? " base" : ""));
    root.style.setProperty("--c", place.colour);
    root.style.setProperty("--dx", place.dx + "px");
    root.style.setProperty("--dy", place.dy + "px");
    root.style.cssText += ";" + place.spots;
    place.compactAt.forEach(function (name) { root.classList.add(name); });
    root.setAttribute("data-place", place.id);
    root.setAttribute("data-count", "0");
    var pill = el("span", "pill");
    var symbol = el("span", "sym", place.symbol);
    symbol.setAttribute("aria-hidden", "true");
    var count = el("span", "count", "0");
    pill.appendChild(symbol);
    pill.appendChild(el("span", "name", place.name));
    pill.appendChild(count);
    pill.appendChild(el("span", "badge", "new"));
    root.appendChild(el("span", "pin"));
    root.appendChild(el("span", "leader"));
    root.appendChild(pill);
    var icon = L.divIcon({ html: root, className: "place-icon", iconSize: [0, 0], iconAnchor: [0, 0] });
    L.marker([place.lat, place.lon], { icon: icon, keyboard: true })
      .on("click", function () { focus(place.id); })
      .addTo(map);
    markers[place.id] = { root: root, count: count, place: place };
  });

  data.legend.forEach(function (item) {
    var entry = el("span", "legend-item");
    var symbol = el("span", "legend-sym", item.symbol);
    symbol.style.setProperty("--c", item.colour);
    entry.appendChild(symbol);
    entry.appendChild(document.createTextNode(item.text + "  "));
    document.getElementById("legend").appendChild(entry);
  });
  var fresh = el("span", "legend-note");
  fresh.appendChild(el("span", "legend-new"));
  fresh.appendChild(document.createTextNode("Something new on this date. The number is how many events and statements so far."));
  document.getElementById("legend").appendChild(fresh);

  // The article text with the cited sentence marked, all as text nodes.
  function articleText(body, sentence) {
    var box = el("div", "article");
    var at = body.indexOf(sentence);
    if (at < 0) {
      box.textContent = body;
      return box;
    }
    box.appendChild(document.createTextNode(body.slice(0, at)));
    box.appendChild(el("mark", null, sentence));
    box.appendChild(document.createTextNode(body.slice(at + sentence.length)));
    return box;
  }

  function eventCard(id) {
    var event = data.events[id];
    var card = el("div", "event-card kind-" + event.kind);
    card.setAttribute("data-event", event.id);
    card.appendChild(el("div", "when", event.when + " · " + event.kindLabel));
    card.appendChild(el("div", "summary", event.summary));
    if (event.speaker) {
      card.appendChild(el("div", "speaker", (event.said ? "Said by: " : "Who: ") + event.speaker));
    }
    if (event.quote) card.appendChild(el("blockquote", null, "“" + event.quote + "”"));
    var names = event.places.map(function (p) { return placesById[p] ? placesById[p].name : p; });
    card.appendChild(el("div", "places", "Where: " + names.join(", ")));
    if (event.note) card.appendChild(el("div", "note", "Note: " + event.note));
    var sources = el("div", "sources", "Sources:");
    var list = el("ul");
    event.sources.forEach(function (source) {
      var article = data.articles[source.article];
      if (!article) return;
      var item = el("li");
      item.appendChild(el("b", null, article.outlet + ", " + article.published));
      item.appendChild(document.createTextNode(": “" + source.sentence + "”"));
      if (source.quote) item.appendChild(document.createTextNode(" (“" + source.quote + "”)"));
      if (source.note) item.appendChild(el("em", null, " " + source.note));
      var details = el("details");
      details.appendChild(el("summary", null, "Read the article: " + article.headline));
      details.appendChild(articleText(article.body, source.sentence));
      item.appendChild(details);
      list.appendChild(item);
    });
    sources.appendChild(list);
    card.appendChild(sources);
    return card;
  }

  function focus(placeId) {
    state.place = placeId;
    render();
  }

  function renderPanel(stop) {
    var panel = document.getElementById("panel");
    panel.replaceChildren();
    var ids;
    if (state.place && placesById[state.place]) {
      var place = placesById[state.place];
      var count = countAt(stop.index, place.id);
      panel.appendChild(el("h2", null, place.name + ": " + countWords(count) + " " + stop.until));
      if (place.description) panel.appendChild(el("p", "caption", place.description));
      var unfocus = el("button", null, "Show all places");
      unfocus.id = "unfocus";
      unfocus.type = "button";
      unfocus.addEventListener("click", function () { focus(null); });
      panel.appendChild(unfocus);
      ids = revealed(stop.index, place.id);
    } else {
      panel.appendChild(el("h2", null, stop.heading));
      ids = stop.events;
      panel.appendChild(el("p", "caption", countWords(ids.length) + " on this date. " +
        "Click a place on the map to see everything that happened there up to this date."));
    }
    ids.forEach(function (id) { panel.appendChild(eventCard(id)); });
    var all = el("details", "place-list");
    all.appendChild(el("summary", null, "Places elsewhere and all places"));
    data.places.forEach(function (place) {
      var button = el("button", null, place.name + " (" + place.kindLabel + "): " +
        countWords(countAt(stop.index, place.id)));
      button.type = "button";
      button.addEventListener("click", function () { focus(place.id); });
      all.appendChild(button);
    });
    panel.appendChild(all);
  }

  var slider = document.getElementById("date");
  var previous = document.getElementById("previous");
  var next = document.getElementById("next");
  slider.max = String(Math.max(stops.length - 1, 0));

  function render() {
    if (!stops.length) {
      document.getElementById("panel").textContent = "There are no events to show.";
      return;
    }
    var stop = stops[state.position];
    var fresh = {};
    data.byStop[stop.index].forEach(function (id) {
      data.events[id].places.forEach(function (p) { fresh[p] = true; });
    });
    slider.value = String(state.position);
    slider.setAttribute("aria-valuetext", stop.label);
    document.getElementById("date-label").textContent = stop.label;
    previous.disabled = state.position === 0;
    next.disabled = state.position === stops.length - 1;
    Object.keys(markers).forEach(function (id) {
      var marker = markers[id];
      var count = countAt(stop.index, id);
      marker.root.setAttribute("data-count", String(count));
      marker.count.textContent = String(count);
      marker.root.classList.toggle("empty", count === 0);
      marker.root.classList.toggle("new", stop.index >= 0 && !!fresh[id]);
      marker.root.classList.toggle("selected", state.place === id);
      marker.root.title = marker.place.name + " (" + marker.place.kindLabel + "): " + count +
        " so far. Click to focus.";
    });
    StoryMap.refresh(map, true);
    renderPanel(stop);
    var hash = "#date=" + encodeURIComponent(stop.code) +
      (state.place ? "&place=" + encodeURIComponent(state.place) : "");
    if (location.hash !== hash) {
      try { history.replaceState(null, "", hash); } catch (error) { /* some file: views refuse */ }
    }
  }

  function go(position) {
    state.position = Math.min(Math.max(position, 0), stops.length - 1);
    render();
  }

  slider.addEventListener("input", function () { go(Number(slider.value)); });
  previous.addEventListener("click", function () { go(state.position - 1); });
  next.addEventListener("click", function () { go(state.position + 1); });

  // The view lives in the address (#date=...&place=...), as in the app.
  var asked = new URLSearchParams(location.hash.slice(1));
  var codes = stops.map(function (stop) { return stop.code; });
  var start = codes.indexOf(asked.get("date") || "");
  var firstStory = stops.length > 1 && stops[0].code === "background" ? 1 : 0;
  state.position = start >= 0 ? start : firstStory;
  state.place = placesById[asked.get("place")] ? asked.get("place") : null;
  render();
})();
