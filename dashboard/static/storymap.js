// The story map's behaviour, shared by the app (dashboard/maps.py) and the exported HTML:
// the basemap under everything in its drawing order, reference labels (countries, seas,
// governorates, cities) that give way to the story's markers and thin out as the reader
// zooms out, label spots per zoom, Enter/Space on a marker, the key to the numbers, and
// the list of places outside the view. Text is only ever set with textContent.
(function () {
  "use strict";
  var LOW = 4, HIGH = 9; // the zooms with their own label spots (dashboard/placement.py)
  // Where a name may sit when its own spot is taken: a city's beside its dot, another name
  // shifted by about its own size, so it stays on what it names.
  var SIDES = ["", "left", "above", "below", "right", "far-above", "far-below"];

  function load(source) {
    if (typeof source !== "string") return Promise.resolve(source);
    return fetch(source).then(function (answer) { return answer.json(); });
  }

  function el(tag, className, text) {
    var element = document.createElement(tag);
    if (className) element.className = className;
    if (text !== undefined) element.textContent = text;
    return element;
  }

  function overlaps(a, b) {
    return a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];
  }

  // Every place marker on the map: {marker, root (the .place-marker element)}.
  function placeMarkers(map) {
    var found = [];
    map.eachLayer(function (layer) {
      var icon = layer instanceof L.Marker && layer.getElement && layer.getElement();
      var root = icon && icon.querySelector("[data-place]");
      if (root) found.push({ marker: layer, root: root, icon: icon });
    });
    return found;
  }

  function zoomClass(map) {
    var container = map.getContainer();
    var zoom = Math.max(LOW, Math.min(HIGH, Math.round(map.getZoom())));
    for (var z = LOW; z <= HIGH; z++) container.classList.toggle("story-z" + z, z === zoom);
  }

  function drawBasemap(map, data, styles) {
    // Drawn in the file's order (world, countries, governorates, lakes, rivers) in a pane of
    // its own under the markers: nothing reorders it, so the land never covers the borders.
    L.geoJSON(data, {
      pane: "basemap",
      interactive: false,
      style: function (feature) { return styles[feature.properties.layer] || styles.river; }
    }).addTo(map);
  }

  function Labels(map, list) {
    var layer = L.layerGroup().addTo(map);
    var items = list.map(function (label) {
      var span = el("span", "map-label " + label[1], label[0]);
      var marker = L.marker([label[2], label[3]], {
        icon: L.divIcon({ html: span, className: "map-label-icon", iconSize: [0, 0], iconAnchor: [0, 0] }),
        pane: "labels", interactive: false, keyboard: false
      });
      return { label: label, marker: marker, span: span };
    });
    // Show the labels of this zoom in view, best rank first, each only where it covers
    // neither a story marker nor a label already shown.
    this.update = function () {
      var zoom = map.getZoom(), view = map.getBounds().pad(0.1);
      var origin = map.getContainer().getBoundingClientRect();
      var size = map.getSize();
      // Boxes in the map's container pixels, measured against the element's own anchor
      // (a marker's 0x0 icon sits on its point): right even while the map pane is moving.
      function box(element, margin, anchor, latlng) {
        var r = element.getBoundingClientRect(), x = 0, y = 0;
        if (anchor) {
          var a = anchor.getBoundingClientRect(), p = map.latLngToContainerPoint(latlng);
          x = p.x - a.left;
          y = p.y - a.top;
        } else {
          x = -origin.left;
          y = -origin.top;
        }
        return [r.left + x - margin, r.top + y - margin, r.right + x + margin, r.bottom + y + margin];
      }
      var taken = [], points = [];
      map.getContainer().querySelectorAll(".leaflet-control").forEach(function (control) {
        if (control.getClientRects().length) taken.push(box(control, 4));
      });
      placeMarkers(map).forEach(function (place) {
        points.push(map.latLngToContainerPoint(place.marker.getLatLng()));
        place.root.querySelectorAll(".pill, .pin").forEach(function (part) {
          if (part.getClientRects().length) {
            taken.push(box(part, 3, place.icon, place.marker.getLatLng()));
          }
        });
      });
      var wanted = items.filter(function (item) {
        var label = item.label;
        var show = label[4] <= zoom && zoom <= label[5] && view.contains([label[2], label[3]]);
        if (show && label[1] === "city") { // a story place there already names it
          var at = map.latLngToContainerPoint([label[2], label[3]]);
          show = !points.some(function (p) { return p.distanceTo(at) < 12; });
        }
        if (!show && layer.hasLayer(item.marker)) layer.removeLayer(item.marker);
        return show;
      });
      wanted.forEach(function (item) {
        if (!layer.hasLayer(item.marker)) layer.addLayer(item.marker);
        item.span.classList.remove("hidden");
        SIDES.forEach(function (side) { if (side) item.span.classList.remove(side); });
      });
      function fits(b) {
        return b[0] >= 0 && b[1] >= 0 && b[2] <= size.x && b[3] <= size.y &&
          !taken.some(function (other) { return overlaps(b, other); });
      }
      // Measure every label first (one layout), then try other sides only for the names
      // that collide.
      function labelBox(item) {
        return box(item.span, 2, item.marker.getElement(), item.marker.getLatLng());
      }
      var boxes = wanted.map(labelBox);
      var named = {}; // a name is shown once: a large country has spare spots for its name
      wanted.forEach(function (item, k) {
        var b = boxes[k], name = item.label[1] + ":" + item.label[0];
        if (named[name]) {
          item.span.classList.add("hidden");
          return;
        }
        var sides = item.label[1] === "city" ? SIDES.slice(0, 4) : SIDES;
        if (!fits(b)) {
          sides.some(function (side, s) {
            if (s > 0) {
              if (sides[s - 1]) item.span.classList.remove(sides[s - 1]);
              if (side) item.span.classList.add(side);
              b = labelBox(item);
            }
            return fits(b);
          }) || sides.forEach(function (side) { if (side) item.span.classList.remove(side); });
        }
        if (fits(b)) {
          taken.push(b);
          named[name] = true;
        } else item.span.classList.add("hidden");
      });
    };
  }

  // The list of places outside the view: direction, distance from the view's centre and
  // count; a click (or Enter) focuses the place as a click on its marker does.
  function Elsewhere(map) {
    var Control = L.Control.extend({
      options: { position: "bottomright" },
      onAdd: function () {
        var box = el("details", "story-elsewhere");
        box.open = false; // closed, it is one line; the reader opens it
        box.appendChild(el("summary"));
        box.appendChild(el("ul"));
        L.DomEvent.disableClickPropagation(box);
        L.DomEvent.disableScrollPropagation(box);
        return box;
      }
    });
    var control = new Control().addTo(map);
    var box = control.getContainer();
    this.update = function () {
      var view = map.getBounds(), centre = map.getCenter();
      var middle = map.latLngToContainerPoint(centre);
      var away = placeMarkers(map).filter(function (place) {
        return !view.contains(place.marker.getLatLng());
      }).map(function (place) {
        var point = map.latLngToContainerPoint(place.marker.getLatLng());
        return {
          place: place,
          km: map.distance(centre, place.marker.getLatLng()) / 1000,
          angle: Math.atan2(point.y - middle.y, point.x - middle.x) * 180 / Math.PI
        };
      }).sort(function (a, b) { return a.km - b.km; });
      box.hidden = away.length === 0;
      box.querySelector("summary").textContent = "Outside this view: " + away.length +
        (away.length === 1 ? " place" : " places");
      var list = box.querySelector("ul");
      list.replaceChildren();
      away.forEach(function (item) {
        var root = item.place.root, count = Number(root.getAttribute("data-count"));
        var name = root.querySelector(".name").textContent;
        var button = el("button", "story-elsewhere-place");
        button.type = "button";
        button.setAttribute("data-elsewhere", root.getAttribute("data-place"));
        var arrow = el("span", "arrow", "➜");
        arrow.setAttribute("aria-hidden", "true");
        arrow.style.transform = "rotate(" + Math.round(item.angle) + "deg)";
        button.appendChild(arrow);
        button.appendChild(el("span", "where", name));
        var km = Math.round(item.km / (item.km > 100 ? 10 : 1)) * (item.km > 100 ? 10 : 1);
        button.appendChild(el("span", "far", km.toLocaleString("en") + " km"));
        button.appendChild(el("span", "count", String(count)));
        button.setAttribute("aria-label", name + ", " + km.toLocaleString("en") +
          " km away, " + count + (count === 1 ? " event or statement" : " events and statements") +
          " so far");
        button.addEventListener("click", function () { activate(item.place.marker); });
        var entry = el("li");
        entry.appendChild(button);
        list.appendChild(entry);
      });
    };
  }

  function activate(marker) {
    marker.fire("click", { latlng: marker.getLatLng() });
  }

  function keyboard(map) {
    var container = map.getContainer();
    container.addEventListener("keydown", function (event) {
      if (event.key !== "Enter" && event.key !== " " && event.key !== "Spacebar") return;
      if (event.defaultPrevented) return; // the page's own handler took it
      var icon = event.target.closest && event.target.closest(".leaflet-marker-icon");
      if (!icon) return;
      var found = placeMarkers(map).filter(function (place) { return place.icon === icon; })[0];
      if (!found) return;
      event.preventDefault();
      event.stopPropagation();
      activate(found.marker);
    });
    // Focus on a marker outside the view makes the browser scroll the map's container,
    // which leaves the map blank; Leaflet pans to the marker instead (autoPanOnFocus).
    container.addEventListener("scroll", function () {
      container.scrollTop = 0;
      container.scrollLeft = 0;
    });
    // A marker reached with Tab comes into view whole, label and all, not only its point.
    container.addEventListener("focusin", function (event) {
      var found = placeMarkers(map).filter(function (place) {
        return place.icon === event.target;
      })[0];
      if (!found) return;
      var point = map.latLngToContainerPoint(found.marker.getLatLng()), size = map.getSize();
      var margin = Math.min(120, size.x / 4, size.y / 4);
      if (point.x < margin || point.y < margin || point.x > size.x - margin ||
          point.y > size.y - margin) {
        map.panTo(found.marker.getLatLng(), { animate: false });
      }
    });
  }

  function countKey(map, text) {
    var Control = L.Control.extend({
      options: { position: "topright" },
      onAdd: function () { return el("div", "story-key", text); }
    });
    new Control().addTo(map);
  }

  // Sets up a map once: panes, basemap, labels, key, keyboard, "outside this view".
  // config: {basemap, labels (URL or data), styles, key, title, underTiles}
  function setup(map, config) {
    if (map.__story) return map.__story;
    var basemapPane = map.createPane("basemap");
    basemapPane.style.zIndex = config.underTiles ? 150 : 250;
    var labelPane = map.createPane("labels");
    labelPane.style.zIndex = 450;
    labelPane.style.pointerEvents = "none";
    var container = map.getContainer();
    container.setAttribute("role", "region");
    container.setAttribute("aria-label", config.title);
    try {
      if (window.frameElement) window.frameElement.setAttribute("title", config.title);
    } catch (error) { /* a frame of another origin keeps its own title */ }
    zoomClass(map);
    if (config.key) countKey(map, config.key);
    keyboard(map);
    var story = map.__story = {
      labels: null, elsewhere: new Elsewhere(map), pending: false, relabel: false
    };
    // Names are laid out again when the view or the set of markers changes; a date step
    // that only changes counts updates "outside this view" alone (it keeps the slider fast).
    story.refresh = function (countsOnly) {
      if (countsOnly !== true) story.relabel = true;
      if (story.pending) return;
      story.pending = true;
      window.requestAnimationFrame(function () {
        story.pending = false;
        if (story.labels && story.relabel) story.labels.update();
        story.relabel = false;
        story.elsewhere.update();
      });
    };
    map.on("zoomend", function () { zoomClass(map); });
    map.on("zoomend moveend resize", function () { story.refresh(); });
    // The frame around the map may get its size after the map is drawn, and the fonts
    // after that: measure again when either happens.
    if (window.ResizeObserver) {
      new ResizeObserver(function () { story.refresh(); }).observe(container);
    }
    if (document.fonts && document.fonts.ready) {
      document.fonts.ready.then(function () { story.refresh(); });
    }
    load(config.basemap).then(function (data) { drawBasemap(map, data, config.styles); });
    load(config.labels).then(function (list) {
      story.labels = new Labels(map, list);
      story.refresh();
    });
    story.refresh();
    return story;
  }

  window.StoryMap = {
    setup: setup,
    // countsOnly: the markers are the same ones, only their counts or highlights changed.
    refresh: function (map, countsOnly) { if (map.__story) map.__story.refresh(countsOnly); }
  };
})();
