"""Geocoders: GeoNames offline, and Nominatim against a local server speaking its JSON."""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path

import pytest

from geodata.ingest.geocoding import CachedNominatim, OfflineGeocoder, offline_place


@pytest.mark.parametrize(
    ("name", "found"),
    [
        ("Ḩamāh", "Ḩamāh"),
        ("Hama", "Ḩamāh"),
        ("Banias", "Bāniyās"),
        ("Syria", "Syria"),
        ("Hodeidah", "Al Ḩudaydah"),
    ],
    ids=["diacritics", "plain", "transliteration", "country", "english-name-in-yemen"],
)
def test_offline_names(name: str, found: str) -> None:
    place = offline_place(name)
    assert place is not None and place.name == found and "GeoNames" in place.source


def test_offline_geocoder_is_a_geopy_geocoder() -> None:
    location = OfflineGeocoder().geocode("Tartous")
    assert location is not None and round(location.latitude, 2) == 34.89
    assert OfflineGeocoder().geocode("Peskov") is None


class _Nominatim(BaseHTTPRequestHandler):
    requests: list[str] = []

    def do_GET(self) -> None:  # noqa: N802
        type(self).requests.append(self.path)
        body = json.dumps(
            [
                {
                    "lat": "34.1",
                    "lon": "36.2",
                    "display_name": "Somewhere, Syria",
                    "addresstype": "village",
                    "osm_type": "node",
                    "osm_id": 7,
                    "name": "Somewhere",
                }
            ]
        ).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


def test_nominatim_through_a_local_server_and_cache(tmp_path: Path) -> None:
    server = HTTPServer(("127.0.0.1", 0), _Nominatim)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        domain = f"127.0.0.1:{server.server_address[1]}"
        cache = tmp_path / "cache.json"
        online = CachedNominatim(cache, domain=domain, scheme="http", min_delay_seconds=0)
        place = online("Somewhere")
        assert place is not None and place.country == "Syria" and place.latlon.lat == 34.1
        assert online("Somewhere") == place
        assert len(_Nominatim.requests) == 1
        assert "somewhere" in json.loads(cache.read_text())
    finally:
        server.shutdown()
