"""The schema.org vocabulary the JSON-LD tests check against, read offline.

Derived from the committed release file (``tests/discovery/data/``, see its
README): for every type its direct supertypes, for every property the types it
may be used on (``domainIncludes``). Terms of other vocabularies that the
release file also describes are left out.
"""

import gzip
import json
from functools import cache
from pathlib import Path

RELEASE_FILE = Path(__file__).parent / "discovery" / "data" / "schemaorg-all-https.jsonld.gz"
PREFIX = "schema:"


def _schema_names(references) -> list[str]:
    if references is None:
        return []
    if isinstance(references, dict):
        references = [references]
    return [ref["@id"].removeprefix(PREFIX) for ref in references if ref["@id"].startswith(PREFIX)]


@cache
def vocabulary() -> dict[str, dict[str, list[str]]]:
    """``{"types": {type: supertypes}, "properties": {property: domain types}}``."""
    types: dict[str, list[str]] = {}
    properties: dict[str, list[str]] = {}
    with gzip.open(RELEASE_FILE) as release:
        graph = json.load(release)["@graph"]
    for term in graph:
        if not term["@id"].startswith(PREFIX):
            continue
        name = term["@id"].removeprefix(PREFIX)
        kinds = term["@type"] if isinstance(term["@type"], list) else [term["@type"]]
        if "rdfs:Class" in kinds:
            types[name] = _schema_names(term.get("rdfs:subClassOf"))
        if "rdf:Property" in kinds:
            properties[name] = _schema_names(term.get("schema:domainIncludes"))
    return {"types": types, "properties": properties}
