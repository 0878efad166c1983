"""The GeoNames importers' name rules, on hand-made records (no network, no gazetteer)."""

from __future__ import annotations

from exonym.edit.importers.geonames import _settlement_names, zone_cities, zone_city_names


def test_a_zone_named_after_another_place_gives_the_city_no_names() -> None:
    # San Juan lists "Puerto Rico" among its alternates; America/Puerto_Rico is named after the island
    san_juan = {
        "geonameid": 1,
        "name": "San Juan",
        "countrycode": "PR",
        "timezone": "America/Puerto_Rico",
        "alternatenames": ["Puerto Rico"],
    }
    assert zone_cities([san_juan]) == {}


def test_a_city_name_cldr_gives_another_zone_is_not_taken() -> None:
    lima = zone_city_names(["America/Lima"])["America/Lima"]
    assert "Лима" in lima and "ལོ་མེ" not in lima and "లోమ్" not in lima  # Lomé's, in Dzongkha and Telugu
    aden = zone_city_names(["Asia/Aden"])["Asia/Aden"]
    assert "ဢေႇတိၼ်ႇ" not in aden  # Athens in Shan


def test_a_bigger_nearby_citys_name_is_not_an_alternate() -> None:
    minhang = {"name": "Minhang", "alternatenames": ["Minhang Qu", "Shang-hai"]}
    names = _settlement_names(minhang, {}, frozenset({"zh"}), frozenset({"shang hai"}))
    assert [n["text"] for n in names] == ["Minhang", "Minhang Qu"]


def test_control_and_private_use_characters_are_dropped() -> None:
    names = _settlement_names({"name": "Aden", "alternatenames": ["a\ue04dyadena", "Adan"]}, {}, frozenset({"ar"}))
    assert [n["text"] for n in names] == ["Aden", "Adan"]


def test_a_cldr_value_carrying_its_xml_markup_is_not_a_name() -> None:
    adelaide = zone_city_names(["Australia/Adelaide"])["Australia/Adelaide"]
    assert "Аделаида" in adelaide
    assert not [text for text in adelaide if "<" in text or ">" in text]  # kxv-Telu's value is "<exemplarCity>...</exemplarCity>"
