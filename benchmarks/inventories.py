"""The inventories the cases build: the Open Cookie Database, converted, checked and reshaped."""

from __future__ import annotations

import re
from typing import Any

from .convert_ocd import DEFAULT_CSV, build_inventory, check_inventory, read_rows


def ocd_inventory(scale: int = 1) -> dict[str, Any]:
    document = build_inventory(read_rows(DEFAULT_CSV), scale)
    problems = check_inventory(document)
    if problems:
        raise SystemExit(f"the converted inventory is invalid: {problems[:5]}")
    return document


def split_small_categories(document: dict[str, Any], count: int) -> list[str]:
    """Move the cookies of `count` mid-sized platforms into categories of their own.

    The Open Cookie Database has six categories, two of them huge; pages in real projects show
    small ones. Returns the new category ids, which the inventory now lists first.
    """
    sizes: dict[str, int] = {}
    for cookie in document["cookies"]:
        platform = cookie.get("function")
        if platform:
            sizes[platform] = sizes.get(platform, 0) + 1
    chosen = sorted(
        (platform for platform, size in sizes.items() if 8 <= size <= 30),
        key=lambda platform: (-sizes[platform], platform),
    )[:count]
    if len(chosen) < count:
        raise SystemExit(f"only {len(chosen)} platforms of 8 to 30 cookies, need {count}")
    ids = {
        platform: "platform-" + re.sub(r"[^a-z0-9]+", "-", platform.lower()).strip("-")
        for platform in chosen
    }
    new_categories = {
        ids[platform]: {
            "title": f"Cookies set by {platform}",
            "description": f"What {platform} stores in the browser, and why.",
            "requires_consent": True,
        }
        for platform in chosen
    }
    document["categories"] = {**new_categories, **document["categories"]}
    for cookie in document["cookies"]:
        if cookie.get("function") in ids:
            cookie["category"] = ids[cookie["function"]]
    return [ids[platform] for platform in chosen]
