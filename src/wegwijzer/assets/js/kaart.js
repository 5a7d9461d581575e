/*
 * Markers, popups and labels for kaart/kaart.html (made by wegwijzer.kaart with folium).
 *
 * Everything a record contains arrives as GeoJSON in a <script type="application/json">
 * (never through folium, whose templates would evaluate it) and is put on the page with
 * textContent or as a DOM property (title, alt, href): never as HTML, never in a template
 * literal. The map script calls wegwijzerReady, so this file loads before it.
 */
"use strict";

var WEGWIJZER_LOCATIES = "../locaties/";

function wegwijzerLabel(properties) {
  return properties.label || properties.naam;
}

/* One focusable marker per location; its name says which location it is, also to screen
 * readers that read aria-label on a role=button before title or the image's alt. */
function wegwijzerMarker(feature, latlng) {
  var label = wegwijzerLabel(feature.properties);
  var marker = L.marker(latlng, { title: label, alt: label, keyboard: true });
  marker.on("add", function () {
    var icon = marker.getElement();
    if (icon) {
      icon.setAttribute("aria-label", label);
    }
  });
  return marker;
}

var WEGWIJZER_POPUP = { maxWidth: 240, minWidth: 180, autoPanPadding: [12, 12], keepInView: true };
var WEGWIJZER_FEESTDAGEN = {};

/* The popup is built when it opens, so 1,000 markers cost 1,000 small closures only. */
function wegwijzerFeature(feature, layer) {
  // At most 240 px wide and panned into view: a 360 px phone shows the whole popup.
  layer.bindPopup(function () {
    return wegwijzerPopup(feature.properties, feature.geometry.coordinates);
  }, WEGWIJZER_POPUP);
  layer.on("popupopen", wegwijzerPopupOpened);
  layer.on("popupclose", wegwijzerPopupClosed);
}

/* Focus moves into the popup, so Enter on a marker and then Enter again opens its page. */
function wegwijzerPopupOpened(event) {
  var popup = event.popup.getElement();
  var close = popup.querySelector(".leaflet-popup-close-button");
  if (close) {
    close.setAttribute("aria-label", wwT("Sluiten"));
    close.title = wwT("Sluiten");
  }
  var link = popup.querySelector(".wegwijzer-naam a");
  if (link) {
    link.focus({ preventScroll: true });
  }
  wegwijzerIntoView(event.target._map || event.popup._map, popup);
}

/* Leaflet's own autoPan does not run for popups opened from a clustered marker; a popup
 * cut off at the edge of a 360 px phone hides its call button, so move the map ourselves. */
function wegwijzerIntoView(map, popup) {
  if (!map || !popup) {
    return;
  }
  var frame = map.getContainer().getBoundingClientRect();
  var box = popup.getBoundingClientRect();
  var margin = 12;
  var dx = box.left < frame.left + margin ? box.left - frame.left - margin : 0;
  if (box.right > frame.right - margin) {
    dx = box.right - frame.right + margin;
  }
  var dy = box.top < frame.top + margin ? box.top - frame.top - margin : 0;
  if (dx !== 0 || dy !== 0) {
    // panBy is a no-op while the cluster is busy; a plain setView always moves the map
    var centre = map.project(map.getCenter()).add([dx, dy]);
    map.setView(map.unproject(centre), map.getZoom(), { animate: false });
  }
}

/* ... and back to the marker when the popup closes (Escape), instead of getting lost. */
function wegwijzerPopupClosed(event) {
  var popup = event.popup.getElement();
  var active = document.activeElement;
  var icon = event.target.getElement();
  if (icon && (active === document.body || (popup && popup.contains(active)))) {
    icon.focus({ preventScroll: true });
  }
}

function wegwijzerText(tag, text, className) {
  var element = document.createElement(tag);
  element.textContent = text;
  if (className) {
    element.className = className;
  }
  return element;
}

function wegwijzerPopup(properties, coordinates) {
  var popup = document.createElement("div");
  popup.className = "wegwijzer-popup";
  popup.appendChild(wegwijzerTitle(properties));
  popup.appendChild(wegwijzerText("p", properties.adres, "wegwijzer-adres"));
  var status = wegwijzerOpenLine(properties);
  if (status) {
    popup.appendChild(wegwijzerText("p", status, "wegwijzer-open"));
  }
  if (properties.zonder_afspraak === true) {
    popup.appendChild(wegwijzerText("p", wwT("Zonder afspraak binnenlopen"), "wegwijzer-inloop"));
  }
  if (properties.organisaties && properties.organisaties.length > 0) {
    popup.appendChild(wegwijzerOrganisations(properties.organisaties));
  }
  popup.appendChild(wegwijzerActions(properties, coordinates));
  return popup;
}

/* "Nu open, tot 12:00." or when it opens next: the same words as the location's page. */
function wegwijzerOpenLine(properties) {
  var hours = window.wegwijzerOpeningstijden;
  if (!hours || !properties.open) {
    return "";
  }
  var data = {};
  for (var key in properties.open) {
    data[key] = properties.open[key];
  }
  data.feestdagen = WEGWIJZER_FEESTDAGEN;
  try {
    return hours.statusAt(data, new Date());
  } catch (error) {
    return "";
  }
}

/* The route opens Google Maps' documented cross-platform URL ("Maps URLs", api=1): on a phone
 * it opens the maps app that is installed (Google Maps, or the browser elsewhere) with the
 * destination filled in and the start left to the phone's own position, so nobody types an
 * address. geo: links are not allowed by our link rule, and OpenStreetMap's directions page
 * opens with an empty start. Nothing is sent until the resident taps; only the destination
 * (a public address) is in the link, never the resident's position. */
function wegwijzerRouteUrl(coordinates) {
  var lat = Number(coordinates[1]).toFixed(5);
  var lon = Number(coordinates[0]).toFixed(5);
  return "https://www.google.com/maps/dir/?api=1&destination=" + lat + "%2C" + lon;
}

function wegwijzerActions(properties, coordinates) {
  var actions = document.createElement("p");
  actions.className = "wegwijzer-acties";
  var tel = String(properties.tel || "");
  if (tel.indexOf("tel:") === 0) {
    var call = wegwijzerText("a", "", "wegwijzer-knop wegwijzer-bel");
    // The number isolated left to right: an Arabic popup reads "14 020", not "020 14".
    wwT("Bel {telefoon}").split(/(\{telefoon\})/).forEach(function (part) {
      if (part === "{telefoon}") {
        var number = wegwijzerText("bdi", String(properties.telefoon || ""));
        number.dir = "ltr";
        call.appendChild(number);
      } else if (part) {
        call.appendChild(document.createTextNode(part));
      }
    });
    call.href = tel;
    call.target = "_top";
    actions.appendChild(call);
  }
  var route = wegwijzerText("a", wwT("Route"), "wegwijzer-knop");
  route.href = wegwijzerRouteUrl(coordinates);
  route.target = "_blank";
  route.rel = "noopener";
  actions.appendChild(route);
  return actions;
}

function wegwijzerTitle(properties) {
  var title = document.createElement("p");
  title.className = "wegwijzer-naam";
  var url = String(properties.url || "");
  if (url.indexOf(WEGWIJZER_LOCATIES) !== 0) {
    title.textContent = properties.naam; // only our own location pages become links
    return title;
  }
  var link = wegwijzerText("a", properties.naam);
  link.href = url;
  link.target = "_top"; // the map lives in an iframe: open the page in the whole window
  title.appendChild(link);
  return title;
}

/* One line, not a list: a popup on a phone has room for about ten lines. */
function wegwijzerOrganisations(names) {
  return wegwijzerText("p", wwT("Hulp van: {organisatie}", { organisatie: names.join(", ") }), "wegwijzer-organisaties");
}

/* A cluster is a button too: say how many locations it holds and what Enter does. */
var WegwijzerClusterIcon = L.DivIcon.extend({
  createIcon: function (oldIcon) {
    var icon = L.DivIcon.prototype.createIcon.call(this, oldIcon);
    var inner = document.createElement("div");
    inner.appendChild(wegwijzerText("span", String(this.options.count)));
    icon.appendChild(inner);
    icon.setAttribute(
      "aria-label",
      wwT("{n} locaties. Druk op Enter om in te zoomen.", { n: this.options.count })
    );
    return icon;
  },
});

/* A big site's map starts with one marker per grid cell that counts its locations: a cluster
 * of those counts what they stand for, not how many markers it holds. */
var WEGWIJZER_WEIGHTED = false;

function wegwijzerCount(cluster) {
  if (!WEGWIJZER_WEIGHTED) {
    return cluster.getChildCount();
  }
  return cluster.getAllChildMarkers().reduce(function (sum, marker) {
    return sum + (marker.options.wwCount || 1);
  }, 0);
}

function wegwijzerCluster(cluster) {
  var count = wegwijzerCount(cluster);
  var size = count < 10 ? "small" : count < 100 ? "medium" : "large";
  return new WegwijzerClusterIcon({
    count: count,
    html: "",
    className: "marker-cluster marker-cluster-" + size,
    iconSize: L.point(40, 40),
  });
}

var WEGWIJZER_CLOSEST_FIT = 16; // one location: show its street, not a single building

/* Called by the map script once the map and its cluster exist. */
function wegwijzerReady(map, cluster, dataId) {
  var source = document.getElementById(dataId);
  var features = source ? JSON.parse(source.textContent) : { type: "FeatureCollection", features: [] };
  WEGWIJZER_FEESTDAGEN = features.feestdagen || {};
  var cells = features.vakken ? new WegwijzerCells(map, cluster, features) : null;
  if (cells) {
    features = { type: "FeatureCollection", features: cells.features };
  } else {
    var layer = L.geoJSON(features, { pointToLayer: wegwijzerMarker, onEachFeature: wegwijzerFeature });
    cluster.addLayer(layer); // one GeoJSON layer, clustered
  }
  var bounds = cells ? cells.bounds : cluster.getBounds();
  if (bounds.isValid()) {
    // Fit without animation, with the cluster off the map meanwhile: the first view then
    // stands still at once (no zoom, no clusters fading apart) for people and for checkers.
    map.removeLayer(cluster);
    map.fitBounds(bounds, { maxZoom: WEGWIJZER_CLOSEST_FIT, padding: [40, 40], animate: false });
    map.addLayer(cluster);
  }
  L.control.zoom({ position: "bottomleft", zoomInTitle: "Inzoomen", zoomOutTitle: "Uitzoomen" }).addTo(map);
  // Leaflet closes popups on Escape only while the map itself has focus, not a marker.
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") {
      map.closePopup();
    }
  });
  window.wegwijzerKaart = {
    map: map,
    cluster: cluster,
    features: features.features,
    feestdagen: WEGWIJZER_FEESTDAGEN,
    cells: cells,
    filter: function (keep) {
      if (cells) {
        cells.filter(keep);
      } else {
        wegwijzerFilter(cluster, features, keep);
      }
    },
    goTo: function (lat, lon, label) {
      wegwijzerGoTo(map, lat, lon, label);
    },
  }; // the map page's filters and postcode box use this; so do tests
  if (cells) {
    map.on("moveend", function () {
      cells.load();
    });
    cells.load();
  }
}

/* ---- a big site: counts per grid cell first, a cell's locations when zoomed in on it ---- */

var WEGWIJZER_CELL_ZOOM = 11; // from here on a cell in view fetches its locations

function WegwijzerCells(map, cluster, summary) {
  WEGWIJZER_WEIGHTED = true;
  this.map = map;
  this.cluster = cluster;
  this.folder = summary.map;
  this.features = []; // the locations fetched so far: the map page's filters count these
  this.keep = null;
  this.markers = {};
  this.loading = {};
  this.cells = summary.vakken.map(function (cell) {
    return { key: cell[0], count: cell[1], point: [cell[2], cell[3]], box: L.latLngBounds([cell[4], cell[5]], [cell[6], cell[7]]) };
  });
  var edges = summary.grenzen;
  this.bounds = edges ? L.latLngBounds([edges[0], edges[1]], [edges[2], edges[3]]) : L.latLngBounds([]);
  var self = this;
  this.cells.forEach(function (cell) {
    self.markers[cell.key] = self.countMarker(cell);
  });
  cluster.addLayers(Object.keys(this.markers).map(function (key) { return self.markers[key]; }));
}

/* A cell's count looks and works like a cluster: a button that zooms in on its locations. */
WegwijzerCells.prototype.countMarker = function (cell) {
  var map = this.map;
  var size = cell.count < 10 ? "small" : cell.count < 100 ? "medium" : "large";
  var icon = new WegwijzerClusterIcon({
    count: cell.count,
    html: "",
    className: "marker-cluster marker-cluster-" + size,
    iconSize: L.point(40, 40),
  });
  var marker = L.marker(cell.point, { icon: icon, keyboard: true, wwCount: cell.count });
  marker.on("click", function () {
    map.fitBounds(cell.box.pad(0.1), { maxZoom: Math.max(WEGWIJZER_CELL_ZOOM, map.getZoom() + 1), animate: false });
  });
  return marker;
};

/* Fetch the cells in view (zoomed in far enough) and put their locations in their place. */
WegwijzerCells.prototype.load = function () {
  if (this.map.getZoom() < WEGWIJZER_CELL_ZOOM) {
    return;
  }
  var view = this.map.getBounds().pad(0.25);
  var self = this;
  this.cells.forEach(function (cell) {
    if (self.loading[cell.key] || !view.intersects(cell.box)) {
      return;
    }
    self.loading[cell.key] = wegwijzerJson(self.folder + cell.key + ".json").then(function (collection) {
      collection.features.forEach(function (feature) {
        self.features.push(feature);
      });
      var kept = self.keep ? collection.features.filter(self.keep) : collection.features;
      var layer = L.geoJSON({ type: "FeatureCollection", features: kept }, { pointToLayer: wegwijzerMarker, onEachFeature: wegwijzerFeature });
      self.cluster.removeLayer(self.markers[cell.key]);
      delete self.markers[cell.key];
      self.cluster.addLayer(layer);
    }, function () {
      delete self.loading[cell.key]; // try again on the next move
    });
  });
};

/* The map page's filters: on the locations fetched so far, and on each cell fetched later. */
WegwijzerCells.prototype.filter = function (keep) {
  this.keep = keep;
  var self = this;
  this.cluster.clearLayers();
  var kept = { type: "FeatureCollection", features: this.features.filter(keep) };
  this.cluster.addLayer(L.geoJSON(kept, { pointToLayer: wegwijzerMarker, onEachFeature: wegwijzerFeature }));
  this.cluster.addLayers(Object.keys(this.markers).map(function (key) { return self.markers[key]; }));
};

/* Our own files; in the referrers' edition they are sealed, and opened with this tab's key. */
function wegwijzerJson(url) {
  return fetch(url, { credentials: "same-origin" }).then(function (response) {
    if (!response.ok) {
      throw new Error(wwT("De kaart kon deze plekken niet laden."));
    }
    return response.json();
  }).then(function (value) {
    var slot = window.wegwijzerSlot;
    if (slot && slot.isSealed(value)) {
      return slot.open(value).then(function (text) { return JSON.parse(text); });
    }
    return value;
  });
}

/* The same filters as the overview: the cluster gets only the locations that match. */
function wegwijzerFilter(cluster, features, keep) {
  var kept = { type: "FeatureCollection", features: features.features.filter(keep) };
  cluster.clearLayers();
  cluster.addLayer(L.geoJSON(kept, { pointToLayer: wegwijzerMarker, onEachFeature: wegwijzerFeature }));
}

var wegwijzerHere = null;

/* Where the reader is (their postcode or position): a plain dot, and the streets around it. */
function wegwijzerGoTo(map, lat, lon, label) {
  if (wegwijzerHere) {
    map.removeLayer(wegwijzerHere);
  }
  wegwijzerHere = L.circleMarker([lat, lon], { radius: 9, color: "#1a1a1a", weight: 3, fillColor: "#ffd500", fillOpacity: 1 });
  wegwijzerHere.bindTooltip(label, { permanent: false });
  wegwijzerHere.addTo(map);
  map.setView([lat, lon], 14, { animate: false });
}
