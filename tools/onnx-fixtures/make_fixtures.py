#!/usr/bin/env python3
"""Makes the ONNX import fixtures: narrow versions of the networks users export, each written
by both PyTorch ONNX exporters, as graph files without their weights.

Made with these versions (others may write other graphs):
    python 3.11, torch 2.13.0+cpu, torchvision 0.28.0, transformers 5.18.0,
    onnx 1.23.1, onnxscript 0.7.2 (the dynamo exporter needs it),
    onnxruntime 1.30.0 (optional: only to check the exports)
e.g. pip install "torch==2.13.0+cpu" torchvision==0.28.0 transformers==5.18.0 onnx==1.23.1 \
         onnxscript==0.7.2 onnxruntime==1.30.0
(the +cpu torch comes from PyTorch's CPU wheel index; torchvision from PyPI works with it, see
import_torchvision below).

Run:
    python make_fixtures.py OUTDIR            # every fixture
    python make_fixtures.py OUTDIR bert gru   # only these networks

Each network is exported
  * by the dynamo exporter: torch.onnx.export(..., dynamo=True), opset 20 (its default), with
    the default graph optimiser (which folds BatchNormalization into Conv);
  * by the classic exporter: torch.onnx.export(..., dynamo=False, opset_version=17);
and some also in training mode (classic TrainingMode.TRAINING without constant folding;
dynamo model.train() with optimize=False, since the optimiser folds BatchNormalization even
then): these keep their BatchNormalization and Dropout nodes.

Files are named NETWORK.EXPORTER[.train].onnx. The weights are not kept: every tensor of
1024 bytes or more is written as external data (ONNX's external-data reference: name, type and
dimensions stay in the graph file, the values would be in NETWORK....onnx.data) and that data
file is deleted. Small tensors (shape arguments, scalars, small biases) stay in the graph file.
The import reads only the dimensions of weights, so the graphs import as the full files do.
Node metadata and doc strings (source paths and stack traces of the machine that exported)
are removed, except the dynamo optimiser's rewrite names (pkg.onnxscript.rewriter.rule_name,
which says "FuseBatchNormIntoConv" where a BatchNormalization was folded into a Conv); the
graph, its value_info and the opset are as exported.

Before a file is written, ONNX Runtime runs the complete export (weights and all) on the example
input and its outputs are compared with PyTorch's (eval exports only; skipped when
onnxruntime is not installed). fixtures.json lists every file with its nodes and operators.

Everything is seeded (torch.manual_seed(0) before each network is built and before each input
is drawn); the same versions write the same graphs.
"""
import contextlib
import io
import json
import os
import sys
import tempfile
import warnings

import numpy as np
import onnx
import torch
import torch.nn as nn

# ---------------------------------------------------------------------------------------------
# torchvision

def import_torchvision():
    """torchvision's PyPI wheel is linked against CUDA torch. With the CPU-only torch its C
    extension (detection ops only) does not load, and torchvision 0.28 then fails at import
    when it registers fake kernels for nms and qnms. The models need no C extension: declare
    those two op schemas and import again."""
    try:
        import torchvision
    except RuntimeError as e:
        if "torchvision::nms" not in str(e):
            raise
        for k in [k for k in sys.modules if k == "torchvision" or k.startswith("torchvision.")]:
            del sys.modules[k]
        lib = torch.library.Library("torchvision", "FRAGMENT")
        lib.define("nms(Tensor dets, Tensor scores, float iou_threshold) -> Tensor")
        lib.define("qnms(Tensor dets, Tensor scores, float iou_threshold) -> Tensor")
        import_torchvision.library = lib  # keep the definitions alive
        import torchvision
    return torchvision


tv = import_torchvision()
from torchvision.models.resnet import BasicBlock, Bottleneck  # noqa: E402
from torchvision.models.mobilenetv2 import InvertedResidual  # noqa: E402
from torchvision.models.mobilenetv3 import MobileNetV3, InvertedResidualConfig  # noqa: E402
from torchvision.models.efficientnet import EfficientNet, MBConvConfig  # noqa: E402
from torchvision.models.squeezenet import Fire  # noqa: E402
from torchvision.models.densenet import DenseNet  # noqa: E402
from torchvision.models.vgg import VGG, make_layers  # noqa: E402
from torchvision.models.vision_transformer import VisionTransformer  # noqa: E402
from torchvision.ops.misc import Conv2dNormActivation  # noqa: E402

import transformers as tr  # noqa: E402

torch.backends.nnpack.set_flags(False)  # not on every CPU; it would warn at each convolution

# ---------------------------------------------------------------------------------------------
# The narrow networks. Each builder returns (module, positional inputs, keyword inputs).
# Image networks take 1x3x32x32 (vgg: 28x28, so that its 7x7 average pool is the identity it is
# at 224x224); transformers take input_ids and attention_mask of 1x8.

IMAGE = (1, 3, 32, 32)
SEQ = 8
VOCAB = 100


def image(shape=IMAGE):
    torch.manual_seed(0)
    return (torch.randn(*shape),), {}


def tokens():
    torch.manual_seed(0)
    ids = torch.randint(0, VOCAB, (1, SEQ), dtype=torch.long)
    return (ids,), {"attention_mask": torch.ones(1, SEQ, dtype=torch.long)}


class KeywordCall(nn.Module):
    """Calls a transformers model with its inputs as keywords (for the classic exporter)."""

    def __init__(self, model):
        super().__init__()
        self.model = model
        self.train(model.training)  # the classic exporter restores this mode on the model after export

    def forward(self, input_ids, attention_mask):
        return self.model(input_ids=input_ids, attention_mask=attention_mask)


class TinyMLP(nn.Module):
    """64 -> 32 -> ReLU -> 10, as the catalog's linear network."""

    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(64, 32)
        self.fc2 = nn.Linear(32, 10)

    def forward(self, x):
        return self.fc2(torch.relu(self.fc1(x)))


class TinyResNet(nn.Module):
    """torchvision's ResNet forward with narrow stages: stem conv 3x3 (8) + BN + ReLU + max pool,
    then the given blocks, global average pool, flatten, fc."""

    def __init__(self, blocks, channels):
        super().__init__()
        self.conv1 = nn.Conv2d(3, 8, kernel_size=3, stride=1, padding=1, bias=False)
        self.bn1 = nn.BatchNorm2d(8)
        self.relu = nn.ReLU(inplace=True)
        self.maxpool = nn.MaxPool2d(kernel_size=3, stride=2, padding=1)
        self.layers = nn.Sequential(*blocks)
        self.avgpool = nn.AdaptiveAvgPool2d((1, 1))
        self.fc = nn.Linear(channels, 10)

    def forward(self, x):
        x = self.maxpool(self.relu(self.bn1(self.conv1(x))))
        x = self.layers(x)
        return self.fc(torch.flatten(self.avgpool(x), 1))


def downsample(cin, cout, stride):
    return nn.Sequential(nn.Conv2d(cin, cout, 1, stride=stride, bias=False), nn.BatchNorm2d(cout))


def resnet_basic():
    """Two BasicBlocks (resnet18/34): 8->8, then 8->16 with stride 2 and a 1x1 downsample."""
    return TinyResNet([BasicBlock(8, 8), BasicBlock(8, 16, stride=2, downsample=downsample(8, 16, 2))], 16), *image()


def resnet_bottleneck():
    """Two Bottlenecks (resnet50): 8->16 (width 4, 1x1 downsample), then 16->32 (width 8, stride 2)."""
    blocks = [Bottleneck(8, 4, downsample=downsample(8, 16, 1)),
              Bottleneck(16, 8, stride=2, downsample=downsample(16, 32, 2))]
    return TinyResNet(blocks, 32), *image()


class TinyMobileNetV2(nn.Module):
    """torchvision's MobileNetV2 forward with narrow stages: stem, an inverted residual with a
    skip (8->8, expansion 4: 1x1, depthwise 3x3, 1x1), one with stride 2 (8->16), the 1x1 head
    conv, global average pool, dropout, classifier."""

    def __init__(self):
        super().__init__()
        self.features = nn.Sequential(
            Conv2dNormActivation(3, 8, stride=2, norm_layer=nn.BatchNorm2d, activation_layer=nn.ReLU6),
            InvertedResidual(8, 8, 1, 4),
            InvertedResidual(8, 16, 2, 4),
            Conv2dNormActivation(16, 32, kernel_size=1, norm_layer=nn.BatchNorm2d, activation_layer=nn.ReLU6))
        self.classifier = nn.Sequential(nn.Dropout(p=0.2), nn.Linear(32, 10))

    def forward(self, x):
        x = self.features(x)
        x = nn.functional.adaptive_avg_pool2d(x, (1, 1))
        return self.classifier(torch.flatten(x, 1))


def mobilenet_v2():
    return TinyMobileNetV2(), *image()


def mobilenet_v3():
    """torchvision's MobileNetV3 with three narrow blocks like mobilenet_v3_small's: squeeze-and-
    excitation, ReLU and Hardswish, 3x3 and 5x5 depthwise."""
    setting = [InvertedResidualConfig(8, 3, 8, 8, True, "RE", 2, 1, 1.0),
               InvertedResidualConfig(8, 3, 32, 16, False, "HS", 2, 1, 1.0),
               InvertedResidualConfig(16, 5, 48, 16, True, "HS", 1, 1, 1.0)]
    return MobileNetV3(setting, last_channel=32, num_classes=10), *image()


def efficientnet():
    """torchvision's EfficientNet with two narrow MBConv stages (SiLU, squeeze-and-excitation,
    stochastic depth)."""
    setting = [MBConvConfig(1, 3, 1, 8, 8, 1), MBConvConfig(4, 3, 2, 8, 16, 2)]
    return EfficientNet(setting, dropout=0.2, num_classes=10, last_channel=32), *image()


class TinySqueezeNet(nn.Module):
    """SqueezeNet 1.0's layout with narrow Fire modules; the max pools use ceil_mode as the
    original does, at a size where ceil and floor differ (30 -> 15, not 14)."""

    def __init__(self):
        super().__init__()
        self.features = nn.Sequential(
            nn.Conv2d(3, 16, kernel_size=3), nn.ReLU(inplace=True),
            nn.MaxPool2d(kernel_size=3, stride=2, ceil_mode=True),
            Fire(16, 4, 8, 8), Fire(16, 4, 8, 8),
            nn.MaxPool2d(kernel_size=3, stride=2, ceil_mode=True),
            Fire(16, 4, 8, 8))
        self.classifier = nn.Sequential(nn.Dropout(p=0.5), nn.Conv2d(16, 10, kernel_size=1),
                                        nn.ReLU(inplace=True), nn.AdaptiveAvgPool2d((1, 1)))

    def forward(self, x):
        return torch.flatten(self.classifier(self.features(x)), 1)


def squeezenet():
    return TinySqueezeNet(), *image()


def densenet():
    """torchvision's DenseNet with two dense blocks of two layers (growth 4) and a transition."""
    return DenseNet(growth_rate=4, block_config=(2, 2), num_init_features=8, bn_size=2, num_classes=10), *image()


def vgg():
    """torchvision's VGG forward (features, 7x7 adaptive average pool, three-layer classifier)
    with two narrow conv stages and a narrow classifier."""
    m = VGG(make_layers([8, "M", 16, "M"]), num_classes=10, init_weights=False)
    m.classifier = nn.Sequential(nn.Linear(16 * 7 * 7, 32), nn.ReLU(True), nn.Dropout(),
                                 nn.Linear(32, 32), nn.ReLU(True), nn.Dropout(), nn.Linear(32, 10))
    return m, *image((1, 3, 28, 28))


def vit():
    """torchvision's VisionTransformer: 32x32 image, 8x8 patches, 2 layers, 2 heads, width 32."""
    m = VisionTransformer(image_size=32, patch_size=8, num_layers=2, num_heads=2, hidden_dim=32, mlp_dim=64,
                          num_classes=10)
    return m, *image()


def bert():
    cfg = tr.BertConfig(vocab_size=VOCAB, hidden_size=32, num_hidden_layers=2, num_attention_heads=2,
                        intermediate_size=64, max_position_embeddings=32)
    return tr.BertModel(cfg), *tokens()


def distilbert():
    cfg = tr.DistilBertConfig(vocab_size=VOCAB, dim=32, n_layers=2, n_heads=2, hidden_dim=64,
                              max_position_embeddings=32)
    return tr.DistilBertModel(cfg), *tokens()


def gpt2():
    cfg = tr.GPT2Config(vocab_size=VOCAB, n_positions=32, n_embd=32, n_layer=2, n_head=2, use_cache=False,
                        bos_token_id=VOCAB - 1, eos_token_id=VOCAB - 1)
    return tr.GPT2Model(cfg), *tokens()


def t5_encoder():
    """Eager attention: the dynamo exporter fails on T5's default (sdpa) attention in
    torch 2.13 + transformers 5.18 ("Cannot view a tensor with shape [1, 8, 2, 16] ... as a
    tensor with shape (1, 8, 32)", in its decomposition step). Both exporters get the same model."""
    cfg = tr.T5Config(vocab_size=VOCAB, d_model=32, d_kv=16, d_ff=64, num_layers=2, num_heads=2,
                      relative_attention_num_buckets=8, relative_attention_max_distance=16)
    cfg._attn_implementation = "eager"
    return tr.T5EncoderModel(cfg), *tokens()


class RNNClassifier(nn.Module):
    """(1, 6 steps, 8 features) -> 2-layer LSTM/GRU, hidden 16 -> Linear on the last step."""

    def __init__(self, cell):
        super().__init__()
        self.rnn = cell(input_size=8, hidden_size=16, num_layers=2, batch_first=True)
        self.fc = nn.Linear(16, 10)

    def forward(self, x):
        out, _ = self.rnn(x)
        return self.fc(out[:, -1, :])


def sequence():
    torch.manual_seed(0)
    return (torch.randn(1, 6, 8),), {}


def lstm():
    return RNNClassifier(nn.LSTM), *sequence()


def gru():
    return RNNClassifier(nn.GRU), *sequence()


def mlp():
    torch.manual_seed(0)
    return TinyMLP(), (torch.randn(1, 64),), {}


# network -> (builder, whether it is also exported in training mode)
NETWORKS = {
    "mlp": (mlp, False),
    "resnet_basic": (resnet_basic, True),
    "resnet_bottleneck": (resnet_bottleneck, False),
    "mobilenet_v2": (mobilenet_v2, True),
    "mobilenet_v3": (mobilenet_v3, False),
    "efficientnet": (efficientnet, False),
    "squeezenet": (squeezenet, False),
    "densenet": (densenet, False),
    "vgg": (vgg, False),
    "vit": (vit, False),
    "bert": (bert, True),
    "distilbert": (distilbert, False),
    "gpt2": (gpt2, True),
    "t5_encoder": (t5_encoder, False),
    "lstm": (lstm, False),
    "gru": (gru, False),
}

# ---------------------------------------------------------------------------------------------
# Export

CLASSIC_OPSET = 17
EXTERNAL_THRESHOLD = 1024  # bytes: tensors this large or larger become external data


def export(model, args, kwargs, exporter, training):
    """The exported ModelProto, weights included."""
    model.train(training)
    # the exporters' progress lines and warnings go nowhere: the script prints one line per file
    with warnings.catch_warnings(), tempfile.TemporaryDirectory() as tmp, \
            contextlib.redirect_stdout(io.StringIO()):
        warnings.simplefilter("ignore")
        if exporter == "dynamo":
            path = os.path.join(tmp, "model.onnx")
            torch.onnx.export(model, args, path, kwargs=kwargs or None, dynamo=True, external_data=True,
                              optimize=not training, verbose=False)
            return onnx.load(path)  # reads the weights back from model.onnx.data
        if kwargs:
            # the classic exporter cannot trace a transformers 5 model called directly, with
            # keyword or positional inputs ("forward() got multiple values for argument
            # 'use_cache'"); a module that calls it with keywords traces
            model, args, kwargs = KeywordCall(model), tuple(args) + tuple(kwargs.values()), {}
        buf = io.BytesIO()
        mode = torch.onnx.TrainingMode.TRAINING if training else torch.onnx.TrainingMode.EVAL
        torch.onnx.export(model, args, buf, kwargs=kwargs or None, dynamo=False, opset_version=CLASSIC_OPSET,
                          training=mode, do_constant_folding=not training)
        return onnx.load_from_string(buf.getvalue())


def check_with_onnxruntime(proto, model, args, kwargs):
    """ONNX Runtime's outputs on the example input equal PyTorch's (eval exports)."""
    try:
        import onnxruntime as ort
    except ImportError:
        return "skipped (no onnxruntime)"
    session = ort.InferenceSession(proto.SerializeToString(), providers=["CPUExecutionProvider"])
    feeds = {}
    values = list(args) + list((kwargs or {}).values())
    for inp, value in zip(session.get_inputs(), values):
        feeds[inp.name] = value.numpy()
    got = session.run(None, feeds)[0]
    model.eval()
    with torch.no_grad():
        want = model(*args, **(kwargs or {}))
    want = want[0] if isinstance(want, (tuple, list)) else getattr(want, "last_hidden_state", want)
    np.testing.assert_allclose(got, want.numpy(), rtol=1e-3, atol=1e-4)
    return "onnxruntime agrees"


# The one node metadata entry kept: the dynamo exporter's optimiser names the rewrites it made
# there ("FuseBatchNormIntoConv" on a Conv that absorbed a BatchNormalization).
KEPT_METADATA = {"pkg.onnxscript.rewriter.rule_name"}


def strip(proto):
    """Node metadata (the exporting machine's paths, stack traces, FX nodes) and doc strings go,
    except KEPT_METADATA."""
    proto.doc_string = ""
    proto.graph.doc_string = ""
    for nodes in [proto.graph.node] + [f.node for f in proto.functions]:
        for node in nodes:
            kept = [(p.key, p.value) for p in node.metadata_props if p.key in KEPT_METADATA]
            del node.metadata_props[:]
            for key, value in kept:
                node.metadata_props.add(key=key, value=value)
            node.doc_string = ""


def write_graph_only(proto, path):
    """Writes the graph with its large tensors as external data, checks the complete model,
    then deletes the data file."""
    data = os.path.basename(path) + ".data"
    onnx.save_model(proto, path, save_as_external_data=True, all_tensors_to_one_file=True, location=data,
                    size_threshold=EXTERNAL_THRESHOLD, convert_attribute=True)
    onnx.checker.check_model(path)
    os.remove(os.path.join(os.path.dirname(path), data))


def summary(path):
    m = onnx.load(path, load_external_data=False)
    ops = {}
    for n in m.graph.node:
        ops[n.op_type] = ops.get(n.op_type, 0) + 1
    return {
        "file": os.path.basename(path),
        "bytes": os.path.getsize(path),
        "opset": next(o.version for o in m.opset_import if o.domain in ("", "ai.onnx")),
        "nodes": len(m.graph.node),
        "inputs": {i.name: [d.dim_value for d in i.type.tensor_type.shape.dim] for i in m.graph.input},
        "external_tensors": sum(1 for t in m.graph.initializer if t.data_location == onnx.TensorProto.EXTERNAL),
        "ops": dict(sorted(ops.items(), key=lambda kv: (-kv[1], kv[0]))),
    }


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    out = sys.argv[1]
    only = sys.argv[2:] or list(NETWORKS)
    unknown = [n for n in only if n not in NETWORKS]
    if unknown:
        sys.exit(f"unknown network(s) {unknown}; known: {list(NETWORKS)}")
    os.makedirs(out, exist_ok=True)
    listing = []
    failures = []
    for name in only:
        build, with_training = NETWORKS[name]
        for training in ([False, True] if with_training else [False]):
            for exporter in ("dynamo", "classic"):
                torch.manual_seed(0)
                model, args, kwargs = build()
                path = os.path.join(out, f"{name}.{exporter}{'.train' if training else ''}.onnx")
                try:
                    proto = export(model, args, kwargs, exporter, training)
                except Exception as e:  # reported below; the other fixtures are still made
                    failures.append(f"{os.path.basename(path)}: {type(e).__name__}: {str(e).strip().splitlines()[0]}")
                    print(f"{os.path.basename(path):42s} EXPORT FAILED: {failures[-1]}", flush=True)
                    continue
                check = "training mode (not compared)" if training else check_with_onnxruntime(proto, model, args, kwargs)
                strip(proto)
                write_graph_only(proto, path)
                entry = summary(path) | {"network": name, "exporter": exporter, "training": training, "check": check}
                listing.append(entry)
                print(f"{entry['file']:42s} {entry['bytes']:8d} B  opset {entry['opset']}  {entry['nodes']:4d} nodes  {check}",
                      flush=True)
    if only == list(NETWORKS):
        with open(os.path.join(out, "fixtures.json"), "w") as f:
            json.dump(listing, f, indent=1)
            f.write("\n")
    total = sum(e["bytes"] for e in listing)
    print(f"{len(listing)} files, {total} bytes")
    if failures:
        sys.exit("export failures:\n  " + "\n  ".join(failures))


if __name__ == "__main__":
    main()
