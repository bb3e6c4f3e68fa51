#!/usr/bin/env python3
"""Exports full-size torchvision and Hugging Face models to ONNX, as a user would, to measure
how POET Explorer imports and schedules them (the README's table of exported models).

Every model has random weights (nothing is downloaded), batch 1, and is exported in training
mode, so that its BatchNormalization and Dropout nodes stay in the graph, by both PyTorch
exporters, following docs/file-formats.md ("Models exported for inference"):

  * dynamo:  model.train(); torch.onnx.export(..., dynamo=True, optimize=False,
             external_data=True)      -> OUTDIR/dynamo/NAME.onnx (+ NAME.onnx.data)
  * classic: torch.onnx.export(..., dynamo=False, opset_version=17,
             training=TrainingMode.TRAINING, do_constant_folding=False)
                                      -> OUTDIR/classic/NAME.onnx (weights inside)

and, only when asked (--exporter dynamo-optimized), by the dynamo exporter with its default
graph optimiser (model.train(); dynamo=True) -> OUTDIR/dynamo-optimized/NAME.onnx: it folds
BatchNormalization into Conv even in training mode, but it turns torch.split into Split where
optimize=False leaves SplitToSequence/SequenceAt (GPT-2's attention).

Image models take a 1x3x224x224 image. Transformers are built from their library's default
configuration (bert_4l: BERT base with 4 layers) and take input_ids of 1x128 tokens only; the
exported output is the last hidden state.

Run (same versions as tools/onnx-fixtures/README.md):
    python export_models.py OUTDIR                       # every model, both exporters
    python export_models.py OUTDIR resnet18 gpt2_small   # only these models
    python export_models.py OUTDIR --exporter classic vgg16
Existing files are kept unless --force is given. One line per export (seconds, file size,
opset, nodes); the exporters' own output goes to OUTDIR/EXPORTER/NAME.log. Exits non-zero
naming any export that failed.
"""
import argparse
import contextlib
import os
import sys
import time
import traceback
import warnings

import onnx
import torch
import torch.nn as nn

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "onnx-fixtures"))
from make_fixtures import import_torchvision  # noqa: E402  (torchvision's CPU import workaround)

tv = import_torchvision()
import transformers as tr  # noqa: E402

torch.backends.nnpack.set_flags(False)  # not on every CPU; it would warn at each convolution

CLASSIC_OPSET = 17
IMAGE = (1, 3, 224, 224)
SEQUENCE = 128


class LastHiddenState(nn.Module):
    """Calls a transformers model with input_ids as a keyword and returns its last hidden state.
    The classic exporter cannot trace a transformers 5 model called directly ("forward() got
    multiple values for argument 'use_cache'"); both exporters get this same module.

    With ones_mask, the model also gets an attention mask of ones made from the input's shape
    (the graph's only input stays input_ids): without a mask, transformers' causal-mask code
    looks for packed sequences with torch.diff, which the classic exporter cannot export
    ("Exporting the operator 'aten::diff' to ONNX opset version 17 is not supported")."""

    def __init__(self, model, ones_mask=False):
        super().__init__()
        self.model = model
        self.ones_mask = ones_mask

    def forward(self, input_ids):
        mask = torch.ones_like(input_ids) if self.ones_mask else None
        return self.model(input_ids=input_ids, attention_mask=mask).last_hidden_state


def torchvision_model(name):
    def build():
        torch.manual_seed(0)
        model = getattr(tv.models, name)(weights=None)
        return model, torch.randn(*IMAGE)
    return build


def transformers_model(model_class, config, ones_mask=False):
    def build():
        torch.manual_seed(0)
        cfg = config()
        model = LastHiddenState(model_class(cfg), ones_mask)
        ids = torch.randint(0, cfg.vocab_size, (1, SEQUENCE), dtype=torch.long)
        return model, ids
    return build


def t5_config():
    """T5 small's encoder. Eager attention: torch 2.13's dynamo exporter fails on transformers'
    default (sdpa) attention for T5."""
    cfg = tr.T5Config()
    cfg._attn_implementation = "eager"
    return cfg


MODELS = {
    "resnet18": torchvision_model("resnet18"),
    "resnet50": torchvision_model("resnet50"),
    "mobilenet_v2": torchvision_model("mobilenet_v2"),
    "mobilenet_v3_small": torchvision_model("mobilenet_v3_small"),
    "efficientnet_b0": torchvision_model("efficientnet_b0"),
    "squeezenet1_0": torchvision_model("squeezenet1_0"),
    "densenet121": torchvision_model("densenet121"),
    "vgg16": torchvision_model("vgg16"),
    "vit_b_16": torchvision_model("vit_b_16"),
    "bert_4l": transformers_model(tr.BertModel, lambda: tr.BertConfig(num_hidden_layers=4)),
    "bert_base": transformers_model(tr.BertModel, tr.BertConfig),
    "distilbert": transformers_model(tr.DistilBertModel, tr.DistilBertConfig),
    "gpt2_small": transformers_model(tr.GPT2Model, lambda: tr.GPT2Config(use_cache=False),
                                     ones_mask=True),
    "t5_encoder": transformers_model(tr.T5EncoderModel, t5_config),
}

EXPORTERS = ("dynamo", "classic")  # the default ones
ALL_EXPORTERS = EXPORTERS + ("dynamo-optimized",)


def export(model, example, exporter, path):
    model.train()
    if exporter.startswith("dynamo"):
        torch.onnx.export(model, (example,), path, dynamo=True, optimize=exporter == "dynamo-optimized",
                          external_data=True)
    else:
        torch.onnx.export(model, (example,), path, dynamo=False, opset_version=CLASSIC_OPSET,
                          training=torch.onnx.TrainingMode.TRAINING, do_constant_folding=False)


def export_one(name, exporter, outdir, force):
    """Exports one model; returns a line describing the file, or raises."""
    directory = os.path.join(outdir, exporter)
    os.makedirs(directory, exist_ok=True)
    path = os.path.join(directory, name + ".onnx")
    if os.path.exists(path) and not force:
        return describe(path, "kept")
    for stale in (path, path + ".data"):
        if os.path.exists(stale):
            os.remove(stale)
    model, example = MODELS[name]()
    start = time.monotonic()
    with open(os.path.join(directory, name + ".log"), "w") as log, output_to(log), warnings.catch_warnings():
        warnings.simplefilter("always")
        try:
            export(model, example, exporter, path)
        except BaseException:
            traceback.print_exc(file=log)
            for partial in (path, path + ".data"):
                if os.path.exists(partial):
                    os.remove(partial)
            raise
    return describe(path, "%.0f s" % (time.monotonic() - start))


@contextlib.contextmanager
def output_to(log):
    """Python's and native code's stdout and stderr go to log (the classic exporter prints its
    whole TorchScript graph from C++ when it fails)."""
    sys.stdout.flush()
    sys.stderr.flush()
    saved = os.dup(1), os.dup(2)
    os.dup2(log.fileno(), 1)
    os.dup2(log.fileno(), 2)
    try:
        with contextlib.redirect_stdout(log), contextlib.redirect_stderr(log):
            yield
    finally:
        log.flush()
        os.dup2(saved[0], 1)
        os.dup2(saved[1], 2)
        os.close(saved[0])
        os.close(saved[1])


def describe(path, how):
    size = os.path.getsize(path) + (os.path.getsize(path + ".data") if os.path.exists(path + ".data") else 0)
    proto = onnx.load(path, load_external_data=False)
    opset = next((o.version for o in proto.opset_import if o.domain in ("", "ai.onnx")), "?")
    return "%s, %.1f MB, opset %s, %d nodes" % (how, size / 1e6, opset, len(proto.graph.node))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("outdir")
    parser.add_argument("models", nargs="*", help="names from: " + " ".join(MODELS))
    parser.add_argument("--exporter", choices=ALL_EXPORTERS, action="append",
                        help="default: " + " and ".join(EXPORTERS))
    parser.add_argument("--force", action="store_true", help="export again over existing files")
    args = parser.parse_args()
    unknown = [m for m in args.models if m not in MODELS]
    if unknown:
        parser.error("unknown model(s): %s (known: %s)" % (" ".join(unknown), " ".join(MODELS)))
    failed = []
    for name in args.models or list(MODELS):
        for exporter in args.exporter or EXPORTERS:
            try:
                line = export_one(name, exporter, args.outdir, args.force)
            except Exception as e:  # noqa: BLE001 - reported, and the other exports go on
                failed.append("%s/%s" % (exporter, name))
                line = "FAILED: %s" % (str(e).strip().splitlines() or [type(e).__name__])[0][:200]
            print("%-8s %-20s %s" % (exporter, name, line), flush=True)
    if failed:
        print("failed: " + " ".join(failed), file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
