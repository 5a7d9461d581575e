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

/* One focusable marker per location; its name says which location it is. */
function wegwijzerMarker(feature, latlng) {
  var label = wegwijzerLabel(feature.properties);
  return L.marker(latlng, { title: label, alt: label, keyboard: true });
}

/* The popup is built when it opens, so 1,000 markers cost 1,000 small closures only. */
function wegwijzerFeature(feature, layer) {
  layer.bindPopup(function () {
    return wegwijzerPopup(feature.properties);
  });
  layer.on("popupopen", wegwijzerPopupOpened);
  layer.on("popupclose", wegwijzerPopupClosed);
}

/* Focus moves into the popup, so Enter on a marker and then Enter again opens its page. */
function wegwijzerPopupOpened(event) {
  var popup = event.popup.getElement();
  var close = popup.querySelector(".leaflet-popup-close-button");
  if (close) {
    close.setAttribute("aria-label", "Sluiten");
    close.title = "Sluiten";
  }
  var link = popup.querySelector(".wegwijzer-naam a");
  if (link) {
    link.focus({ preventScroll: true });
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

function wegwijzerPopup(properties) {
  var popup = document.createElement("div");
  popup.className = "wegwijzer-popup";
  popup.appendChild(wegwijzerTitle(properties));
  popup.appendChild(wegwijzerText("p", properties.adres, "wegwijzer-adres"));
  if (properties.zonder_afspraak === true) {
    popup.appendChild(wegwijzerText("p", "Zonder afspraak binnenlopen", "wegwijzer-inloop"));
  }
  if (properties.organisaties && properties.organisaties.length > 0) {
    popup.appendChild(wegwijzerOrganisations(properties.organisaties));
  }
  return popup;
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

function wegwijzerOrganisations(names) {
  var block = document.createElement("div");
  block.className = "wegwijzer-organisaties";
  block.appendChild(wegwijzerText("p", names.length === 1 ? "Organisatie:" : "Organisaties:"));
  var list = document.createElement("ul");
  for (var i = 0; i < names.length; i++) {
    list.appendChild(wegwijzerText("li", names[i]));
  }
  block.appendChild(list);
  return block;
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
      this.options.count + " locaties. Druk op Enter om in te zoomen."
    );
    return icon;
  },
});

function wegwijzerCluster(cluster) {
  var count = cluster.getChildCount();
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
  var layer = L.geoJSON(features, { pointToLayer: wegwijzerMarker, onEachFeature: wegwijzerFeature });
  cluster.addLayer(layer); // one GeoJSON layer, clustered
  var bounds = cluster.getBounds();
  if (bounds.isValid()) {
    // Fit without animation, with the cluster off the map meanwhile: the first view then
    // stands still at once (no zoom, no clusters fading apart) for people and for checkers.
    map.removeLayer(cluster);
    map.fitBounds(bounds, { maxZoom: WEGWIJZER_CLOSEST_FIT, padding: [40, 40], animate: false });
    map.addLayer(cluster);
  }
  L.control.zoom({ zoomInTitle: "Inzoomen", zoomOutTitle: "Uitzoomen" }).addTo(map);
  // Leaflet closes popups on Escape only while the map itself has focus, not a marker.
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") {
      map.closePopup();
    }
  });
  window.wegwijzerKaart = { map: map, cluster: cluster }; // for tests and the curious
}
