// The story map's behaviour, shared by the app (dashboard/maps.py) and the exported HTML:
// the basemap under everything in its drawing order, reference labels (countries, seas,
// governorates, cities) that give way to the story's markers and thin out as the reader
// zooms out, label spots per zoom, pills kept inside the frame, Enter/Space on a marker,
// the key to the numbers, and markers at the map's edge for the places outside the view.
// Text is only ever set with textContent.
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

  // How much of the boxes ``others`` the box ``b`` covers, in square pixels.
  function coveredArea(b, others) {
    return others.reduce(function (area, o) {
      return area + Math.max(0, Math.min(b[2], o[2]) - Math.max(b[0], o[0])) *
        Math.max(0, Math.min(b[3], o[3]) - Math.max(b[1], o[1]));
    }, 0);
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

  // The detailed countries are clipped to the region's box (tools/build_assets.py): their
  // outlines, drawn as they are, would show the box's straight edges as borders. This keeps
  // an outline's pieces that do not run along the box (which is where the countries end).
  function borders(data) {
    var box = [180, 90, -180, -90], rings = [];
    data.features.forEach(function (feature) {
      var g = feature.geometry;
      if (feature.properties.layer !== "country" || !g) return;
      (g.type === "Polygon" ? [g.coordinates] : g.coordinates).forEach(function (polygon) {
        polygon.forEach(function (ring) {
          rings.push(ring);
          ring.forEach(function (p) {
            box = [Math.min(box[0], p[0]), Math.min(box[1], p[1]), Math.max(box[2], p[0]),
              Math.max(box[3], p[1])];
          });
        });
      });
    });
    function onEdge(a, b) {
      return [0, 2].some(function (k) { return a[0] === box[k] && b[0] === box[k]; }) ||
        [1, 3].some(function (k) { return a[1] === box[k] && b[1] === box[k]; });
    }
    var lines = [];
    rings.forEach(function (ring) {
      var line = [];
      for (var i = 1; i < ring.length; i++) {
        if (onEdge(ring[i - 1], ring[i])) {
          if (line.length > 1) lines.push(line);
          line = [];
        } else {
          if (!line.length) line.push([ring[i - 1][1], ring[i - 1][0]]);
          line.push([ring[i][1], ring[i][0]]);
        }
      }
      if (line.length > 1) lines.push(line);
    });
    return lines;
  }

  function drawBasemap(map, data, styles) {
    // Drawn in the file's order (world, countries, their borders, governorates, lakes,
    // rivers) in a pane of its own under the markers: nothing reorders it, so the land
    // never covers the borders.
    function part(layers) {
      return L.geoJSON({ type: "FeatureCollection", features: data.features.filter(function (f) {
        return layers.indexOf(f.properties.layer) >= 0;
      }) }, {
        pane: "basemap",
        interactive: false,
        style: function (feature) {
          var style = styles[feature.properties.layer] || styles.river;
          return feature.properties.layer === "country" ? L.extend({}, style, { stroke: false }) : style;
        }
      });
    }
    var land = ["world", "country"];
    part(land).addTo(map);
    L.polyline(borders(data), L.extend({}, styles.country, {
      pane: "basemap", interactive: false, fill: false
    })).addTo(map);
    part(data.features.map(function (f) { return f.properties.layer; }).filter(function (layer) {
      return land.indexOf(layer) < 0;
    })).addTo(map);
  }

  // Whether a point (lon, lat) is inside a shape: polygons of rings, holes included.
  function within(polygons, x, y) {
    var box = polygons.box;
    if (!box) { // west, south, east, north of all its rings: most tests end here
      box = polygons.box = [180, 90, -180, -90];
      polygons.forEach(function (rings) {
        rings[0].forEach(function (point) {
          box[0] = Math.min(box[0], point[0]);
          box[1] = Math.min(box[1], point[1]);
          box[2] = Math.max(box[2], point[0]);
          box[3] = Math.max(box[3], point[1]);
        });
      });
    }
    if (x < box[0] || x > box[2] || y < box[1] || y > box[3]) return false;
    return polygons.some(function (rings) {
      var inside = false;
      rings.forEach(function (ring) {
        for (var i = 0, j = ring.length - 1; i < ring.length; j = i++) {
          var a = ring[i], b = ring[j];
          if ((a[1] > y) !== (b[1] > y) && x < (b[0] - a[0]) * (y - a[1]) / (b[1] - a[1]) + a[0]) {
            inside = !inside;
          }
        }
      });
      return inside;
    });
  }

  // The basemap's countries by name: {name: [polygon rings]}, the region's detailed
  // countries over the world layer's.
  function countryShapes(data) {
    var shapes = {};
    ["world", "country"].forEach(function (layer) {
      data.features.forEach(function (feature) {
        var g = feature.geometry;
        if (feature.properties.layer !== layer || !g) return;
        if (g.type === "Polygon") shapes[feature.properties.name] = [g.coordinates];
        else if (g.type === "MultiPolygon") shapes[feature.properties.name] = g.coordinates;
      });
    });
    return shapes;
  }

  var SLIDE = 140;

  function Labels(map, list, shapes) {
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
      var size = map.getSize();
      // Boxes in the map's container pixels, measured against the element's own anchor
      // (a marker's 0x0 icon sits on its point): right even while the map pane is moving.
      function box(element, margin, anchor, latlng) {
        var r = element.getBoundingClientRect(), a = anchor.getBoundingClientRect();
        var p = map.latLngToContainerPoint(latlng), x = p.x - a.left, y = p.y - a.top;
        return [r.left + x - margin, r.top + y - margin, r.right + x + margin, r.bottom + y + margin];
      }
      var taken = controlBoxes(map, ".leaflet-control, .story-edge"), points = [];
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
      // A country's name with no room at its spot moves farther, up to SLIDE pixels, to
      // the nearest free place inside the frame that is still inside that country; a sea's
      // to one on no land.
      function slide(item, b) {
        var all = shapes(), shape = all[item.label[0]];
        var onto = shape ? function (at) { return within(shape, at.lng, at.lat); } :
          function (at) {
            return !Object.keys(all).some(function (name) { return within(all[name], at.lng, at.lat); });
          };
        var x = (b[0] + b[2]) / 2, y = (b[1] + b[3]) / 2;
        for (var r = 12; r <= SLIDE; r += 8) {
          for (var a = 0; a < 360; a += 10) {
            var dx = Math.round(r * Math.cos(a * Math.PI / 180));
            var dy = Math.round(r * Math.sin(a * Math.PI / 180));
            var moved = [b[0] + dx, b[1] + dy, b[2] + dx, b[3] + dy];
            if (!fits(moved)) continue;
            var at = map.containerPointToLatLng([x + dx, y + dy]);
            if (!onto(at)) continue;
            item.span.style.marginLeft = dx + "px";
            item.span.style.marginTop = dy + "px";
            return moved;
          }
        }
        return null;
      }
      wanted.forEach(function (item) { item.span.style.marginLeft = item.span.style.marginTop = ""; });
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
        if (!fits(b) && (item.label[1] === "sea" || shapes()[item.label[0]])) {
          b = slide(item, labelBox(item)) || b;
        }
        if (fits(b)) {
          taken.push(b);
          named[name] = true;
        } else item.span.classList.add("hidden");
      });
    };
  }

  // Box of an element in the map container's pixels, measured from its marker's point
  // (a marker's 0x0 icon sits on its point): right even while the map pane is moving.
  function markerBox(map, place, element) {
    var r = element.getBoundingClientRect(), at = place.icon.getBoundingClientRect();
    var p = map.latLngToContainerPoint(place.marker.getLatLng());
    return [r.left - at.left + p.x, r.top - at.top + p.y, r.right - at.left + p.x,
      r.bottom - at.top + p.y];
  }

  // Whether a point is inside the frame, not only on its very edge (where a pill could
  // not be beside it): places nearer the edge count as outside the view.
  var RIM = 10;
  function inFrame(size, p) {
    return p.x >= RIM && p.y >= RIM && p.x <= size.x - RIM && p.y <= size.y - RIM;
  }

  // The boxes of the map's controls (and of anything else ``selector`` names), 4 px wider.
  function controlBoxes(map, selector) {
    var origin = map.getContainer().getBoundingClientRect(), boxes = [];
    map.getContainer().querySelectorAll(selector || ".leaflet-control").forEach(function (control) {
      if (!control.getClientRects().length) return;
      var r = control.getBoundingClientRect();
      boxes.push([r.left - origin.left - 4, r.top - origin.top - 4, r.right - origin.left + 4,
        r.bottom - origin.top + 4]);
    });
    return boxes;
  }

  // Pills stay inside the map's frame. The server places each pill beside its point
  // (dashboard/placement.py) without knowing the frame; a pill that the frame's edge would
  // cut moves to the nearest spot around its point that is inside the frame and free of
  // other pills, points and the map's controls (a leader line joins it to its point), or,
  // with none free, is pushed inside. A place whose point is outside the view shows no pill:
  // its edge marker (Edges) stands for it.
  // MAX_GAP: dashboard/placement.py's MAX_DISTANCE, the farthest a pill gets from its point.
  var MAX_GAP = 56, EDGE = 4, PIN = 5;

  function Pills(map) {
    var RANK = { naval_base: 0, air_base: 0, city: 1, province: 2, country: 3, region: 3 };
    // The spots a pill of w x h px may take round its point, nearest first; the same sizes
    // come back on every date step, so each list is made once.
    var lists = {};
    function candidates(w, h) {
      w = Math.round(w);
      h = Math.round(h);
      var key = w + "x" + h;
      if (lists[key]) return lists[key];
      var spots = [];
      for (var dx = -w - MAX_GAP; dx <= MAX_GAP; dx += 4) {
        for (var dy = -h - MAX_GAP; dy <= MAX_GAP; dy += 4) {
          var nx = Math.min(Math.max(0, dx), dx + w), ny = Math.min(Math.max(0, dy), dy + h);
          var gap = Math.hypot(nx, ny);
          if (gap > PIN && gap <= MAX_GAP) spots.push([dx, dy, gap]);
        }
      }
      spots.push([-14, -Math.round(h / 2), 0]);
      spots.sort(function (s1, s2) { return s1[2] - s2[2]; });
      return (lists[key] = spots);
    }
    this.update = function () {
      var size = map.getSize(), items = [];
      placeMarkers(map).forEach(function (place) {
        var pill = place.root.querySelector(".pill"), line = place.root.querySelector(".leader");
        if (!pill) return;
        pill.style.left = pill.style.top = "";
        if (line) line.style.width = line.style.transform = "";
        place.root.classList.remove("away", "squeezed");
        items.push({ place: place, pill: pill, line: line, name: place.root.querySelector(".name") });
      });
      // Measure everything in one layout.
      items.forEach(function (item) {
        var p = item.p = map.latLngToContainerPoint(item.place.marker.getLatLng());
        item.inView = inFrame(size, p);
        item.shown = item.pill.getClientRects().length > 0;
        if (!item.shown) return;
        var b = item.box = markerBox(map, item.place, item.pill);
        item.w = b[2] - b[0];
        item.h = b[3] - b[1];
        item.spot = [b[0] - p.x, b[1] - p.y]; // the server's spot
        // Without its name (symbol and count), as the server draws a crowded place.
        var name = item.name && item.name.getClientRects().length ? item.name.getBoundingClientRect().width + 4 : 0;
        item.small = item.w - name;
        // The "new" badge sticks out above the pill's right end; the ring around it, 4 px.
        var badge = item.place.root.classList.contains("new") ? 11 : 0;
        item.pad = [4, 4 + badge, 4 + (badge ? 10 : 0), 4];
        var root = item.place.root;
        item.count = Number(root.getAttribute("data-count"));
        item.rank = RANK[Object.keys(RANK).filter(function (kind) {
          return root.classList.contains(kind);
        })[0]] || 0;
      });
      items.forEach(function (item) { // its ring and badge count: up to 15 px round it
        var b = item.box;
        if (item.shown && !item.inView && b[2] > -15 && b[0] < size.x + 15 && b[3] > -15 &&
            b[1] < size.y + 15) {
          item.place.root.classList.add("away");
        }
      });
      var seen = items.filter(function (item) { return item.shown && item.inView; });
      function inside(item, b) {
        return b[0] - item.pad[0] >= EDGE && b[1] - item.pad[1] >= EDGE &&
          b[2] + item.pad[2] <= size.x - EDGE && b[3] + item.pad[3] <= size.y - EDGE;
      }
      function at(item, spot, w) {
        return [item.p.x + spot[0], item.p.y + spot[1], item.p.x + spot[0] + w, item.p.y + spot[1] + item.h];
      }
      // A pill is cut by the frame's edge, or hidden in part under the map's controls.
      var controls = controlBoxes(map);
      seen.forEach(function (item) {
        item.cut = !inside(item, item.box) ||
          controls.some(function (control) { return overlaps(item.box, control); });
      });
      // Where no pill is, the server's layout stands as it is.
      if (!seen.some(function (item) { return item.cut; })) return;
      // Every point's symbol, which no pill may cover.
      var pins = seen.map(function (other) {
        return { item: other, box: [other.p.x - PIN, other.p.y - PIN, other.p.x + PIN, other.p.y + PIN] };
      });
      function free(item, b, placed, near) {
        return !placed.some(function (o) { return overlaps(b, o); }) &&
          !(near || pins).some(function (pin) { return pin.item !== item && overlaps(b, pin.box); }) &&
          !controls.some(function (control) { return overlaps(b, control); });
      }
      // The free spot inside the frame nearest the point (the pill's symbol on the point,
      // or the pill beside it at most MAX_GAP away, joined by a leader line); failing that,
      // when ``last``, the spot inside the frame that covers the least of other pills.
      function search(item, w, placed, last) {
        var h = item.h, spots = candidates(w, h);
        // Only the pills within reach of this one can be in its way.
        var reach = [item.p.x - w - MAX_GAP - PIN, item.p.y - h - MAX_GAP - PIN,
          item.p.x + w + MAX_GAP + PIN, item.p.y + h + MAX_GAP + PIN];
        placed = placed.filter(function (o) { return overlaps(reach, o); });
        var near = pins.filter(function (pin) { return overlaps(reach, pin.box); });
        // The first free one, nearest first: stop there (a date step at 200 places runs this
        // for every cut pill, twice).
        var best = spots.find(function (spot) {
          var b = at(item, spot, w);
          return inside(item, b) && free(item, b, placed, near);
        });
        if (!best && last) {
          var fitting = spots.filter(function (spot) { return inside(item, at(item, spot, w)); });
          best = fitting.map(function (spot) { return [spot, coveredArea(at(item, spot, w), placed)]; })
            .sort(function (x, y) { return x[1] - y[1] || x[0][2] - y[0][2]; })[0];
          best = best ? best[0] : [-14, -Math.round(h / 2)];
        }
        return best;
      }
      // Two ways, the better one kept: (a) the pills inside keep the server's spots (which
      // do not overlap) and the cut ones take the nearest free spot inside the frame; (b)
      // all of them are placed again, the most important first (bases, then places with
      // more reported, the places with nothing yet last), each keeping the server's spot
      // if it is inside and free. (b) wins only where it leaves more names whole.
      function importance(a, b) {
        return (a.count === 0) - (b.count === 0) || a.rank - b.rank || b.count - a.count;
      }
      function plan(keep) {
        var placed = [], plans = [];
        seen.slice().sort(function (a, b) {
          return keep ? a.cut - b.cut || importance(a, b) : importance(a, b);
        }).forEach(function (item) {
          var choice;
          if (!item.cut && (keep || free(item, item.box, placed))) choice = [item.spot, false];
          else {
            var spot = search(item, item.w, placed, false);
            choice = spot ? [spot, false] : [search(item, item.small, placed, true), true];
          }
          placed.push(at(item, choice[0], choice[1] ? item.small : item.w));
          plans.push({ item: item, spot: choice[0], small: choice[1] });
        });
        return plans;
      }
      function cost(plans) { // names lost: a base's counts most, then a place with events
        return plans.reduce(function (sum, entry) {
          return sum + (entry.small ? (entry.item.rank === 0 ? 100 : entry.item.count ? 10 : 1) : 0);
        }, 0);
      }
      var kept = plan(true), lost = cost(kept);
      var again = lost ? plan(false) : kept; // with no name lost, nothing can do better
      var plans = cost(again) < lost ? again : kept;
      plans.forEach(function (entry) {
        var item = entry.item, spot = entry.spot;
        if (!entry.small && spot[0] === item.spot[0] && spot[1] === item.spot[1]) return;
        if (entry.small) item.place.root.classList.add("squeezed");
        var dx = Math.round(spot[0]), dy = Math.round(spot[1]);
        var w = entry.small ? item.small : item.w, h = item.h;
        item.pill.style.left = dx + "px";
        item.pill.style.top = dy + "px";
        if (item.line) { // from the point to the pill's nearest edge
          var nx = Math.min(Math.max(0, dx), dx + w), ny = Math.min(Math.max(0, dy), dy + h);
          var length = Math.hypot(nx, ny);
          item.line.style.width = (length < PIN ? 0 : Math.round(length)) + "px";
          item.line.style.transform = "rotate(" + Math.round(Math.atan2(ny, nx) * 180 / Math.PI) + "deg)";
        }
      });
    };
  }

  var COMPASS = ["east", "south-east", "south", "south-west", "west", "north-west", "north",
    "north-east"];

  function roundKm(km) {
    var step = km > 100 ? 10 : 1;
    return (Math.round(km / step) * step).toLocaleString("en");
  }

  function countWords(count) {
    return count === 0 ? "nothing reported there yet" : count + (count === 1 ?
      " event or statement so far" : " events and statements so far");
  }

  // The places outside the view, each as a small marker at the map's edge on the line from
  // the view's centre towards it: an arrow pointing at it, its name and count (distance and
  // direction in its title and label). Nearest places first; a marker that finds no free
  // stretch of edge near its own spot joins the nearest marker as "+N", which opens a list.
  // A click, Enter or Space focuses the place as a click on its marker does (and, with
  // ``panToFar``, in story mode, moves the map to it).
  function Edges(map, panToFar) {
    var container = map.getContainer();
    var layer = el("div", "story-edges");
    layer.setAttribute("role", "group");
    container.appendChild(layer);
    var menu = el("ul", "story-edge-menu");
    menu.hidden = true;
    container.appendChild(menu);
    [layer, menu].forEach(function (part) {
      L.DomEvent.disableClickPropagation(part);
      L.DomEvent.disableScrollPropagation(part);
    });
    var buttons = {}, opener = null;
    // A control about to go or hide while it has the keyboard focus hands the focus on (to
    // its place's marker, or the marker of its group), never back to the page.
    function handOver(control, next) {
      if (next && control.contains(document.activeElement)) next.focus({ preventScroll: true });
    }
    function choose(item) {
      activate(item.place.marker);
      if (panToFar) map.panTo(item.place.marker.getLatLng());
    }
    // A marker whose size changes after it was placed (its font arrives, its count grows)
    // is placed again.
    var resized = window.ResizeObserver && new ResizeObserver(function () {
      if (map.__story) map.__story.refresh(true);
    });

    // Begins with the words the marker shows (name and count), as speech input expects.
    function describe(item) {
      return item.name + " " + item.count + ": " + countWords(item.count) + ", " +
        roundKm(item.km) + " km to the " + item.compass + ", outside this view";
    }

    function closeMenu(focusBack) {
      if (menu.hidden) return;
      menu.hidden = true;
      if (opener) {
        opener.setAttribute("aria-expanded", "false");
        if (focusBack) opener.focus();
      }
      opener = null;
    }

    function openMenu(button, group) {
      menu.replaceChildren();
      group.forEach(function (item) {
        var choice = el("button", "story-edge-choice");
        choice.type = "button";
        choice.setAttribute("data-edge", item.id);
        var arrow = el("span", "arrow", "➜");
        arrow.setAttribute("aria-hidden", "true");
        arrow.style.transform = "rotate(" + Math.round(item.angle) + "deg)";
        choice.appendChild(arrow);
        choice.appendChild(el("span", "where", item.name));
        choice.appendChild(el("span", "far", roundKm(item.km) + " km"));
        choice.appendChild(el("span", "count", String(item.count)));
        choice.setAttribute("aria-label", describe(item));
        choice.addEventListener("click", function () {
          handOver(choice, item.place.icon);
          closeMenu(false);
          choose(item);
        });
        var entry = el("li");
        entry.appendChild(choice);
        menu.appendChild(entry);
      });
      menu.hidden = false;
      opener = button;
      button.setAttribute("aria-expanded", "true");
      // Beside the marker, towards the middle of the map, inside the frame.
      var size = map.getSize(), b = button.__box, w = menu.offsetWidth, h = menu.offsetHeight;
      var left = (b[0] + b[2]) / 2 > size.x / 2 ? b[2] - w : b[0];
      var top = (b[1] + b[3]) / 2 > size.y / 2 ? b[1] - h - 4 : b[3] + 4;
      menu.style.left = Math.max(EDGE, Math.min(left, size.x - w - EDGE)) + "px";
      menu.style.top = Math.max(EDGE, Math.min(top, size.y - h - EDGE)) + "px";
      menu.querySelector("button").focus();
    }

    menu.addEventListener("keydown", function (event) {
      if (event.key === "Escape") {
        event.preventDefault();
        closeMenu(true);
      }
    });
    menu.addEventListener("focusout", function (event) {
      if (!menu.contains(event.relatedTarget) && event.relatedTarget !== opener) closeMenu(false);
    });
    map.on("movestart zoomstart click", function () { closeMenu(false); });

    function button(id) {
      var known = buttons[id];
      if (known) return known;
      known = buttons[id] = el("button", "story-edge");
      if (resized) resized.observe(known);
      known.type = "button";
      known.setAttribute("data-edge", id);
      var arrow = el("span", "arrow", "➜");
      arrow.setAttribute("aria-hidden", "true");
      known.appendChild(arrow);
      known.appendChild(el("span", "where"));
      known.appendChild(el("span", "count"));
      var more = el("span", "more");
      more.setAttribute("aria-hidden", "true");
      known.appendChild(more);
      known.addEventListener("click", function () {
        var group = known.__group;
        if (group.length === 1) choose(group[0]);
        else if (opener === known) closeMenu(false);
        else openMenu(known, group);
      });
      return known;
    }

    this.update = function () {
      var size = map.getSize(), W = size.x, H = size.y;
      var centre = map.getCenter(), middle = L.point(W / 2, H / 2);
      var away = placeMarkers(map).filter(function (place) {
        return !inFrame(size, map.latLngToContainerPoint(place.marker.getLatLng()));
      }).map(function (place) {
        var q = map.latLngToContainerPoint(place.marker.getLatLng());
        var angle = Math.atan2(q.y - middle.y, q.x - middle.x) * 180 / Math.PI;
        return {
          place: place, q: q, angle: angle, id: place.root.getAttribute("data-place"),
          name: (place.root.querySelector(".name") || place.root).textContent.trim(),
          count: Number(place.root.getAttribute("data-count")),
          km: map.distance(centre, place.marker.getLatLng()) / 1000,
          compass: COMPASS[((Math.round(angle / 45) % 8) + 8) % 8],
          colour: place.root.style.getPropertyValue("--c") || "#0072B2"
        };
      }).sort(function (a, b) { return a.km - b.km; });
      layer.setAttribute("aria-label", "Outside this view: " + away.length +
        (away.length === 1 ? " place" : " places"));
      // Fill every marker first, then measure them all in one layout.
      var keep = {};
      away.forEach(function (item) {
        var known = button(item.id);
        keep[item.id] = true;
        known.querySelector(".arrow").style.transform = "rotate(" + Math.round(item.angle) + "deg)";
        known.querySelector(".where").textContent = item.name;
        known.querySelector(".count").textContent = String(item.count);
        known.style.setProperty("--c", item.colour);
        known.classList.toggle("empty", item.count === 0);
        if (known.parentNode !== layer) layer.appendChild(known);
        known.__icon = item.place.icon;
        item.button = known;
      });
      Object.keys(buttons).forEach(function (id) {
        if (!keep[id] && buttons[id].parentNode) {
          if (buttons[id] === opener) closeMenu(false);
          handOver(buttons[id], buttons[id].__icon); // its place came into view
          layer.removeChild(buttons[id]);
        }
      });
      away.forEach(function (item) {
        item.button.hidden = false;
        item.button.querySelector(".more").textContent = "";
      });
      away.forEach(function (item) {
        item.w = item.button.offsetWidth;
        item.h = item.button.offsetHeight;
      });
      var M = EDGE + 2, P = 2 * (W + H), taken = controlBoxes(map), placed = [];
      var pills = [];
      placeMarkers(map).forEach(function (place) {
        var pill = place.root.querySelector(".pill");
        if (pill && pill.getClientRects().length && !place.root.classList.contains("away")) {
          pills.push(markerBox(map, place, pill));
        }
      });
      function clamp(v, low, high) { return Math.max(low, Math.min(v, high)); }
      // s runs clockwise round the frame from its top-left corner.
      function boxAt(s, w, h) {
        s = ((s % P) + P) % P;
        var x, y;
        if (s < W) {
          x = clamp(s - w / 2, M, W - M - w);
          y = M;
        } else if (s < W + H) {
          x = W - M - w;
          y = clamp(s - W - h / 2, M, H - M - h);
        } else if (s < 2 * W + H) {
          x = clamp(2 * W + H - s - w / 2, M, W - M - w);
          y = H - M - h;
        } else {
          x = M;
          y = clamp(P - s - h / 2, M, H - M - h);
        }
        return [x, y, x + w, y + h];
      }
      function clear(b) {
        var hit = function (other) { return overlaps(b, other); };
        return !taken.some(hit) && !placed.some(function (o) { return hit(o.box); });
      }
      var reach = Math.max(60, Math.min(W, H) * 0.45);
      // Places each marker, nearest place first. With ``join``, one that finds no spot
      // joins the marker of the nearest direction (its group); without, it takes the spot
      // hiding the least of the pills.
      function place(list, join) {
        placed = [];
        list.forEach(function (item) {
          var dx = item.q.x - middle.x, dy = item.q.y - middle.y;
          var t = Math.min(Math.abs(dx) > 1e-9 ? (W / 2 - M) / Math.abs(dx) : Infinity,
            Math.abs(dy) > 1e-9 ? (H / 2 - M) / Math.abs(dy) : Infinity);
          var ax = middle.x + t * dx, ay = middle.y + t * dy, s;
          if (ay <= M + 0.5) s = ax;
          else if (ax >= W - M - 0.5) s = W + ay;
          else if (ay >= H - M - 0.5) s = 2 * W + H - ax;
          else s = P - ay;
          // The free spot nearest the marker's own that hides no pill, or the least. A
          // marker that may not join another looks all round the frame if it must.
          var found = null, least = Infinity, far = join ? reach : P / 2;
          for (var shift = 0; shift <= far && least > 0; shift += 6) {
            if (shift > reach && found) break;
            [shift, -shift].forEach(function (d) {
              var b = boxAt(s + d, item.w, item.h);
              if (least > 0 && clear(b)) {
                var area = coveredArea(b, pills); // the pills a marker there would hide
                if (area < least) {
                  least = area;
                  found = b;
                }
              }
            });
          }
          if (join && found && least > 0 && placed.length) found = null;
          if (found || !join || !placed.length) {
            item.box = found || boxAt(s, item.w, item.h);
            if (join) item.group = [item];
            placed.push(item);
          } else { // joins the marker whose direction is nearest
            var turn = function (other) {
              var d = Math.abs(other.angle - item.angle) % 360;
              return Math.min(d, 360 - d);
            };
            placed.slice().sort(function (a, b) { return turn(a) - turn(b); })[0].group.push(item);
            item.box = null;
          }
        });
      }
      place(away, true);
      // A marker standing for several says "+N": it grows, so the markers are placed again.
      var heads = away.filter(function (item) { return item.box; });
      heads.forEach(function (item) {
        var others = item.group.length - 1;
        item.button.querySelector(".more").textContent = others ? "+" + others : "";
      });
      heads.forEach(function (item) { item.w = item.button.offsetWidth; });
      place(heads, false);
      away.forEach(function (item) {
        var known = item.button;
        if (!item.box) {
          if (known === opener) closeMenu(false);
          var head = heads.filter(function (h) { return h.group.indexOf(item) >= 0; })[0];
          handOver(known, head && head.button);
        }
        known.hidden = !item.box;
        if (!item.box) return;
        known.__box = item.box;
        known.__group = item.group;
        known.style.left = Math.round(item.box[0]) + "px";
        known.style.top = Math.round(item.box[1]) + "px";
        var others = item.group.length - 1;
        known.classList.toggle("group", others > 0);
        var label = describe(item);
        if (others) {
          label += ". With " + others + (others === 1 ? " more place" : " more places") +
            " in this direction: " + item.group.slice(1).map(function (o) { return o.name; }).join(", ") +
            ". Opens a list";
          known.setAttribute("aria-expanded", opener === known ? "true" : "false");
        } else known.removeAttribute("aria-expanded");
        known.setAttribute("aria-label", label);
        known.title = label;
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
    // Not one focused by a click or tap: moving the map under the pointer would lose the click.
    var pointed = 0;
    container.addEventListener("pointerdown", function () { pointed = Date.now(); }, true);
    container.addEventListener("focusin", function (event) {
      if (Date.now() - pointed < 1000) return;
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

  // Sets up a map once: panes, basemap, labels, pills, key, keyboard, edge markers.
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
      labels: null, pills: new Pills(map), edges: new Edges(map, config.panToFar),
      pending: false, relabel: false
    };
    // Names are laid out again when the view or the set of markers changes; a date step
    // that only changes counts fits the pills and the edge markers alone (it keeps the
    // slider fast). All of it runs after the markers are drawn, in an animation frame.
    story.refresh = function (countsOnly) {
      if (countsOnly !== true) story.relabel = true;
      if (story.pending) return;
      story.pending = true;
      window.requestAnimationFrame(function () {
        story.pending = false;
        story.pills.update(); // new icons (a date step) lose the pills' moves: every time
        story.edges.update();
        if (story.labels && story.relabel) story.labels.update();
        story.relabel = false;
      });
    };
    map.on("zoomend", function () { zoomClass(map); });
    map.on("zoomend moveend resize", function () { story.refresh(); });
    // While the reader drags the map, the edge markers follow it frame by frame (the
    // names wait for the map to stop).
    var following = false;
    map.on("move", function () {
      if (following || story.pending) return;
      following = true;
      window.requestAnimationFrame(function () {
        following = false;
        story.edges.update();
      });
    });
    // The frame around the map may get its size after the map is drawn, and the fonts
    // after that: measure again when either happens.
    if (window.ResizeObserver) {
      new ResizeObserver(function () { story.refresh(); }).observe(container);
    }
    if (document.fonts && document.fonts.ready) {
      document.fonts.ready.then(function () { story.refresh(); });
    }
    story.shapes = {};
    load(config.basemap).then(function (data) {
      drawBasemap(map, data, config.styles);
      story.shapes = countryShapes(data);
      story.refresh();
    });
    load(config.labels).then(function (list) {
      story.labels = new Labels(map, list, function () { return story.shapes; });
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
