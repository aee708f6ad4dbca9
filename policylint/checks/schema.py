"""Parameters each check kind accepts (validated by packs.py). A trailing '!' marks a required key."""
from __future__ import annotations

PHI_TYPES = ("NAME", "AGE_OVER_89", "AGE", "DATE", "RELATIVE_DATE", "LOCATION", "ADDRESS", "ZIP", "PHONE", "EMAIL", "SSN", "MRN",
             "ACCOUNT", "HEALTH_PLAN_ID", "LICENSE", "VEHICLE", "DEVICE_ID", "URL", "IP", "ROOM", "OTHER_ID",
             "PHOTO")

KIND_PARAMS: dict[str, dict[str, str]] = {
    "phi": {"entities": "strlist!", "context": "choice:health|any", "authorization": "choice:respect|ignore",
            "sensitive": "patterns", "review_reply": "bool"},
    "require": {"gate": "patterns", "topics": "patterns", "min_topics": "int", "strong_topics": "int",
                "trigger": "patterns!", "min_signals": "int", "accept": "patterns!", "unless": "patterns",
                "accept_config": "str", "hashtags_count": "bool", "before_cut": "bool", "placement_only": "bool"},
    "forbid": {"patterns": "patterns!", "unless": "patterns", "unless_scope": "choice:sentence|document",
               "with": "patterns", "with_scope": "choice:sentence|document|window", "skip_quoted": "bool",
               "once": "bool", "before_cut": "bool", "metadata_unless": "strlist", "only_in_hashtag_block": "bool",
               "metadata_named": "strlist"},
    "prefer": {"avoid": "patterns!", "use": "str!", "unless": "patterns", "skip_quoted": "bool",
               "skip_proper_nouns": "bool", "with": "patterns", "with_scope": "choice:sentence|document|window"},
    "limit": {"max_chars": "map_int", "max_hashtags": "int", "max_mentions": "int", "max_emoji": "int",
              "max_emoji_run": "int"},
    "metadata": {"require_keys": "strlist!", "when_format": "strlist", "when_platform": "strlist"},
}

PATTERN_PARAMS = {"gate", "topics", "sensitive", "trigger", "accept", "unless", "patterns", "with", "avoid"}
