"""The referrers' hand-off kit: what a volunteer puts on a resident's shortlist.

The shortlist page of the referrers' edition carries one small entry per organisation and
location: only what the resident may see and take home (public phone, address, hours, what
to bring), never a direct line. The browser keeps the chosen ids in localStorage and prints
or shares the list; nothing is sent anywhere.
"""

from __future__ import annotations

from typing import Any

from wegwijzer.records import hours
from wegwijzer.records.loader import Dataset, locations_of
from wegwijzer.settings import present


def sheet_entries(dataset: Dataset) -> dict[str, dict[str, Any]]:
    """Entries keyed "organisatie:<id>" and "locatie:<id>", as the page buttons name them."""
    entries: dict[str, dict[str, Any]] = {}
    for org in dataset.organisaties.values():
        places = [_place(loc.id, dataset) for loc in locations_of(org, dataset)]
        entries[f"organisatie:{org.id}"] = {
            "naam": org.naam,
            "telefoon": present.phone_display(org.telefoon) if org.telefoon else None,
            "email": org.email,
            "website": org.website,
            "plekken": places[:3],  # the sheet stays one page; the site lists the others
            "meenemen": present.checklist(org.meenemen),
            "url": f"organisaties/{org.id}/",
        }
    for location in dataset.locaties.values():
        orgs = dataset.orgs_of(location)
        phone = location.telefoon or next((o.telefoon for o in orgs if o.telefoon), None)
        entries[f"locatie:{location.id}"] = {
            "naam": location.naam,
            "telefoon": present.phone_display(phone) if phone else None,
            "email": location.email,
            "website": location.website,
            "plekken": [_place(location.id, dataset)],
            "meenemen": present.checklist(next((o.meenemen for o in orgs if o.meenemen), None)),
            "url": f"locaties/{location.id}/",
        }
    return entries


def _place(location_id: str, dataset: Dataset) -> dict[str, Any]:
    location = dataset.locaties[location_id]
    point = dataset.points.get(location_id)
    address = location.adres.one_line(point.postcode if point else None)
    rows = hours.schedule_rows(location)
    return {
        "adres": address,
        "precies": location.adres.precise,
        "zonder_afspraak": location.any_walk_in,
        "tijden": [
            f"{row.dag} {row.tijden}" + (f" ({row.opmerking})" if row.opmerking else "")
            for row in rows
        ],
    }
