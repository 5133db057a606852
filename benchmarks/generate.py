"""Deterministic bilingual FAQ corpora for benchmarks.

    python -m benchmarks.generate OUT --pages P --questions Q [--seed N]

Writes OUT/docs (index.md, index.en.md, faq-NNN.md, faq-NNN.en.md) in the
layout of the real site: '## Q: … {#id}', 'A: …', '<br/>', Chinese the source
and English its translation, with the Latin terms MindSpore docs are full of.
The same seed gives byte-identical files.
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

# (zh, en) pairs; each question draws from these in parallel, so the two
# languages say the same thing.
PRODUCTS = [
    ("MindSpore", "MindSpore"), ("MindSpore Lite", "MindSpore Lite"), ("Ascend 910", "Ascend 910"),
    ("Atlas 200/300/500推理产品", "Atlas 200/300/500 inference products"), ("Atlas训练系列产品", "Atlas training series"),
    ("ModelArts", "ModelArts"), ("MindInsight", "MindInsight"), ("MindSpore Serving", "MindSpore Serving"),
]
OBJECTS = [
    ("ckpt文件", "ckpt file", "ckpt"), ("MindIR模型", "MindIR model", "mindir"), ("ONNX模型", "ONNX model", "onnx"),
    ("AIR模型", "AIR model", "air"), ("OM模型", "OM model", "om"), ("数据集", "dataset", "dataset"),
    ("算子", "operator", "operator"), ("优化器", "optimizer", "optimizer"), ("学习率", "learning rate", "learning-rate"),
    ("混合精度", "mixed precision", "mixed-precision"), ("梯度", "gradient", "gradient"), ("张量", "tensor", "tensor"),
    ("网络结构", "network structure", "network"), ("检查点", "checkpoint", "checkpoint"), ("推理服务", "inference service", "serving"),
]
ACTIONS = [
    ("导出", "export", "export"), ("加载", "load", "load"), ("保存", "save", "save"), ("转换", "convert", "convert"),
    ("调试", "debug", "debug"), ("并行训练", "train in parallel", "parallel"), ("量化", "quantize", "quantize"),
    ("部署", "deploy", "deploy"), ("可视化", "visualize", "visualize"), ("裁剪", "prune", "prune"),
]
SCENES = [
    ("PyNative模式", "PyNative mode"), ("Graph模式", "Graph mode"), ("分布式训练", "distributed training"),
    ("GPU环境", "a GPU environment"), ("CPU环境", "a CPU environment"), ("端侧设备", "edge devices"),
    ("云上训练", "cloud training"), ("Docker容器", "a Docker container"),
]
APIS = [
    "mindspore.export", "mindspore.load_checkpoint", "mindspore.save_checkpoint", "mindspore.nn.Cell",
    "mindspore.ops.clip_by_global_norm", "np.random.uniform", "mindspore.dataset.GeneratorDataset",
    "mindspore.set_context", "mindspore.amp.build_train_network", "mindspore.Model.train",
]
NETWORKS = [
    "ResNet50", "ResNet101", "BERT", "GPT-2", "YOLOv5", "MobileNetV2", "LeNet5", "Transformer", "ViT", "Swin",
    "UNet", "DeepLabV3", "FasterRCNN", "MaskRCNN", "SSD", "CenterNet", "DeepFM", "LSTM", "GRU", "TinyBERT",
    "PanGu", "Llama2", "Qwen", "Wide&Deep", "EfficientNet", "DenseNet", "VGG16", "CRNN", "FastText", "T5",
]
SYMPTOMS = [
    ("内存不足", "out of memory"), ("精度下降", "a drop in accuracy"), ("收敛变慢", "slow convergence"),
    ("性能劣化", "a performance regression"), ("编译超时", "a compilation timeout"), ("损失值为NaN", "a NaN loss"),
    ("数据预处理卡住", "a stuck data pipeline"), ("图编译失败", "a graph compilation failure"),
    ("动态shape报错", "a dynamic shape error"), ("通信超时", "a communication timeout"),
    ("显存泄漏", "a device memory leak"), ("梯度爆炸", "exploding gradients"), ("梯度消失", "vanishing gradients"),
    ("随机种子不生效", "the random seed being ignored"), ("断点续训失败", "resuming from a checkpoint failing"),
    ("算子不支持", "an unsupported operator"), ("类型不匹配", "a dtype mismatch"), ("结果不一致", "inconsistent results"),
]
PARAMS = [
    "learning_rate", "momentum", "weight_decay", "loss_scale", "num_parallel_workers", "device_target",
    "jit_level", "max_device_memory", "gradient_accumulation_steps", "pipeline_stages", "drop_remainder",
    "keep_checkpoint_max", "save_checkpoint_steps", "amp_level", "enable_graph_kernel",
]
ZH_EXTRA = "训练{net}时如果出现{symptom}（错误码{code}），可以调整`{param}`后重试。"
EN_EXTRA = "If training {net} shows {symptom} (error code {code}), adjust `{param}` and try again."
ZH_Q = ["如何在{scene}下用{product}{action}{obj}？", "{product}能否在{scene}中{action}{obj}？",
        "在{scene}里{action}{obj}时报错怎么办？", "{product}{action}{obj}有哪些限制？"]
EN_Q = ["How do I {action} a {obj} with {product} in {scene}?", "Can {product} {action} a {obj} in {scene}?",
        "What should I do when an error occurs while I {action} a {obj} in {scene}?",
        "What are the limits when {product} is used to {action} a {obj}?"]
ZH_A = ["可以，调用`{api}`接口即可{action}{obj}，详见{product}的API文档。",
        "在{scene}下需要先设置`batch_size`，再通过`{api}`{action}{obj}。",
        "当前版本的{product}暂不支持在{scene}下直接{action}{obj}，建议先转换为MindIR格式。",
        "请检查{obj}的`shape`与`dtype`是否与网络输入一致，并确认已安装匹配的CANN版本。",
        "更多示例可以参考Gitee上的models仓库以及ModelZoo中的相关脚本。"]
EN_A = ["Yes. Call `{api}` to {action} the {obj}; see the {product} API documentation for details.",
        "In {scene}, set `batch_size` first, then {action} the {obj} with `{api}`.",
        "The current version of {product} cannot {action} a {obj} directly in {scene}; convert it to the MindIR format first.",
        "Check that the `shape` and `dtype` of the {obj} match the network input, and that a matching CANN version is installed.",
        "For more examples, see the models repository on Gitee and the related scripts in ModelZoo."]


def question(rng: random.Random, page: int, number: int, asked: set) -> tuple[str, str]:
    """One question in (zh, en) markdown, with the same id; never one in *asked*."""
    while True:
        product, obj, action, scene = rng.choice(PRODUCTS), rng.choice(OBJECTS), rng.choice(ACTIONS), rng.choice(SCENES)
        form = rng.randrange(len(ZH_Q))
        if (product, obj, action, scene, form) not in asked:
            asked.add((product, obj, action, scene, form))
            break
    api = rng.choice(APIS)
    net, symptom, param = rng.choice(NETWORKS), rng.choice(SYMPTOMS), rng.choice(PARAMS)
    code = f"E{rng.randrange(10000, 100000)}"
    qid = f"p{page:03d}-q{number:03d}-{action[2]}-{obj[2]}"
    answers = rng.sample(range(len(ZH_A)), k=rng.randint(2, 3))
    common = {"api": api, "net": net, "code": code, "param": param}
    zh_fill = {"product": product[0], "obj": obj[0], "action": action[0], "scene": scene[0], "symptom": symptom[0], **common}
    en_fill = {"product": product[1], "obj": obj[1], "action": action[1], "scene": scene[1], "symptom": symptom[1], **common}
    zh_answer = [ZH_A[a].format(**zh_fill) for a in answers] + [ZH_EXTRA.format(**zh_fill)]
    en_answer = [EN_A[a].format(**en_fill) for a in answers] + [EN_EXTRA.format(**en_fill)]
    zh = f"## Q: {ZH_Q[form].format(**zh_fill)} {{#{qid}}}\n\nA: " + "".join(zh_answer)
    en = f"## Q: {EN_Q[form].format(**en_fill)} {{#{qid}}}\n\nA: " + " ".join(en_answer)
    return zh + "\n\n<br/>\n", en + "\n\n<br/>\n"


def generate(out: Path, pages: int, questions: int, seed: int = 2026) -> Path:
    """Write the docs tree; returns OUT/docs."""
    rng = random.Random(seed)
    docs = out / "docs"
    docs.mkdir(parents=True, exist_ok=True)
    (docs / "index.md").write_text(f"# MindSpore 常见问题\n\n基准测试语料：{pages} 页，每页 {questions} 个问题。\n", encoding="utf-8")
    (docs / "index.en.md").write_text(f"# MindSpore FAQ\n\nBenchmark corpus: {pages} pages of {questions} questions.\n", encoding="utf-8")
    for page in range(pages):
        asked: set = set()
        pairs = [question(rng, page, n, asked) for n in range(questions)]
        (docs / f"faq-{page:03d}.md").write_text(f"# 常见问题 {page + 1}\n\n" + "\n".join(zh for zh, _ in pairs), encoding="utf-8")
        (docs / f"faq-{page:03d}.en.md").write_text(f"# FAQ {page + 1}\n\n" + "\n".join(en for _, en in pairs), encoding="utf-8")
    return docs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--pages", type=int, required=True)
    parser.add_argument("--questions", type=int, required=True)
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args()
    print(generate(args.out, args.pages, args.questions, args.seed))


if __name__ == "__main__":
    main()
