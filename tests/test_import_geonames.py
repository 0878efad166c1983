"""The GeoNames importers' name rules, on hand-made records (no network, no gazetteer)."""

from __future__ import annotations

from exonym.edit.importers.geonames import _settlement_names, _timezone_city_names


def test_a_zone_named_after_another_place_gives_the_city_no_names() -> None:
    # San Juan lists "Puerto Rico" among its alternates; America/Puerto_Rico is named after the island
    san_juan = {"name": "San Juan", "timezone": "America/Puerto_Rico", "alternatenames": ["Puerto Rico"]}
    assert _timezone_city_names(san_juan) == {}


def test_a_city_name_cldr_gives_another_zone_is_not_taken() -> None:
    lima = _timezone_city_names({"name": "Lima", "timezone": "America/Lima", "alternatenames": []})
    assert "Лима" in lima and "ལོ་མེ" not in lima and "లోమ్" not in lima  # Lomé's, in Dzongkha and Telugu
    aden = _timezone_city_names({"name": "Aden", "timezone": "Asia/Aden", "alternatenames": []})
    assert "ဢေႇတိၼ်ႇ" not in aden  # Athens in Shan


def test_a_bigger_nearby_citys_name_is_not_an_alternate() -> None:
    minhang = {"name": "Minhang", "alternatenames": ["Minhang Qu", "Shang-hai"]}
    names = _settlement_names(minhang, {}, {"zh"}, frozenset({"shang hai"}))
    assert [n["text"] for n in names] == ["Minhang", "Minhang Qu"]


def test_control_and_private_use_characters_are_dropped() -> None:
    names = _settlement_names({"name": "Aden", "alternatenames": ["a\ue04dyadena", "Adan"]}, {}, {"ar"})
    assert [n["text"] for n in names] == ["Aden", "Adan"]
