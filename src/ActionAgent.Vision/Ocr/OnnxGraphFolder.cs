using System.Runtime.InteropServices;
using Google.Protobuf;
using Onnx;

namespace ActionAgent.Vision.Ocr;

/// <summary>
/// Rewrites an ONNX model in memory into an exactly equivalent, cheaper one, for graphs ONNX Runtime does not fuse by
/// itself. PP-OCRv4's recogniser (PP-LCNetV3) follows every convolution with a learnable scalar affine (<c>x·s + t</c>),
/// a hard-swish spelled as four operators, and another affine: 28 of each, all run as separate passes over the
/// feature maps. Folded here: the affine after a convolution into its weights and bias; the affine before a
/// convolution without padding (1×1) into that convolution; <c>x·clip(x+3,0,6)/6</c> into <c>x·HardSigmoid(x)</c> (which
/// ONNX Runtime then fuses into the convolution as its HardSwish activation); an affine before a padded convolution
/// becomes a 1×1 depthwise convolution, so it stays in ONNX Runtime's NCHWc layout.
/// Results are the same up to float rounding (≈ 1e-6 on the recogniser's probabilities).
/// </summary>
internal static class OnnxGraphFolder
{
    private const int FloatType = 1;

    /// <summary>What <see cref="Fold"/> changed.</summary>
    internal sealed record Result(byte[] Model, int ConvAffines, int HardSwishes, int PreConvAffines)
    {
        /// <summary>Affines before a padded convolution, turned into a 1×1 depthwise convolution (same math, one pass in ONNX Runtime's NCHWc layout).</summary>
        public int AffineConvs { get; init; }

        public bool Changed => ConvAffines + HardSwishes + PreConvAffines + AffineConvs > 0;

        public override string ToString() =>
            $"{ConvAffines} affines folded into the convolution before them, {PreConvAffines} into the one after, {AffineConvs} as 1×1 convolutions, {HardSwishes} hard-swishes as HardSigmoid";
    }

    /// <summary>Folds what it can; returns the model unchanged (Changed false) when nothing matches.</summary>
    /// <exception cref="InvalidProtocolBufferException">The bytes are not an ONNX model.</exception>
    public static Result Fold(byte[] onnx)
    {
        ArgumentNullException.ThrowIfNull(onnx);
        var model = ModelProto.Parser.ParseFrom(onnx);
        var graph = model.Graph;
        var initializers = graph.Initializer.ToDictionary(t => t.Name, StringComparer.Ordinal);
        ConstantsToInitializers(graph, initializers);
        var affines = FoldAffineAfterConv(graph, initializers);
        var swishes = RewriteHardSwish(graph, initializers);
        var pre = FoldAffineBeforeUnpaddedConv(graph, initializers);
        var asConvs = AffineAsDepthwiseConv(graph, initializers);
        if (affines + swishes + pre + asConvs == 0)
        {
            return new Result(onnx, 0, 0, 0);
        }

        RemoveUnused(graph);
        return new Result(model.ToByteArray(), affines, swishes, pre) { AffineConvs = asConvs };
    }

    /// <summary>Constant nodes become initializers, so scalars are found in one place (ONNX Runtime folds them the same way).</summary>
    private static void ConstantsToInitializers(GraphProto graph, Dictionary<string, TensorProto> initializers)
    {
        foreach (var node in graph.Node.Where(n => n.OpType == "Constant" && n.Attribute.Count == 1 && n.Attribute[0].Name == "value").ToList())
        {
            var tensor = node.Attribute[0].T.Clone();
            tensor.Name = node.Output[0];
            graph.Initializer.Add(tensor);
            initializers[tensor.Name] = tensor;
            graph.Node.Remove(node);
        }
    }

    /// <summary>Conv → Mul(scalar s) → Add(scalar t) becomes one Conv with weights·s and bias·s + t.</summary>
    private static int FoldAffineAfterConv(GraphProto graph, Dictionary<string, TensorProto> initializers)
    {
        var consumers = Consumers(graph);
        var folded = 0;
        foreach (var conv in graph.Node.Where(n => n.OpType == "Conv").ToList())
        {
            if (!OwnsWeights(conv, consumers, initializers)
                || Only(consumers, conv.Output[0], "Mul", graph) is not { } mul
                || ScalarAffine(mul, consumers, initializers, graph) is not ({ } input, var s, { } add, var t)
                || input != conv.Output[0])
            {
                continue;
            }

            var weights = initializers[conv.Input[1]];
            var w = Floats(weights);
            for (var i = 0; i < w.Length; i++)
            {
                w[i] *= s;
            }

            SetFloats(weights, w);
            var bias = Bias(conv, initializers, (int)weights.Dims[0]);
            for (var o = 0; o < bias.Length; o++)
            {
                bias[o] = (bias[o] * s) + t;
            }

            SetBias(graph, conv, initializers, bias, "_affine_after");
            conv.Output[0] = add.Output[0];
            graph.Node.Remove(mul);
            graph.Node.Remove(add);
            folded++;
        }

        return folded;
    }

    /// <summary>Add(x, 3) → Clip(0, 6) → Mul(x, ·) → Div(·, 6) becomes Mul(x, HardSigmoid(x; 1/6, 0.5)).</summary>
    private static int RewriteHardSwish(GraphProto graph, Dictionary<string, TensorProto> initializers)
    {
        var consumers = Consumers(graph);
        var rewritten = 0;
        foreach (var add in graph.Node.Where(n => n.OpType == "Add" && n.Input.Count == 2).ToList())
        {
            var three = add.Input.FirstOrDefault(i => Scalar(initializers, i) == 3f);
            if (three is null)
            {
                continue;
            }

            var x = Other(add, three);
            if (Only(consumers, add.Output[0], "Clip", graph) is not { } clip
                || ClipRange(clip, initializers) != (0f, 6f)
                || Only(consumers, clip.Output[0], "Mul", graph) is not { } mul || Other(mul, clip.Output[0]) != x
                || Only(consumers, mul.Output[0], "Div", graph) is not { } div || div.Input[0] != mul.Output[0]
                || Scalar(initializers, div.Input[1]) != 6f)
            {
                continue;
            }

            var at = graph.Node.IndexOf(add);
            var sigmoid = new NodeProto { OpType = "HardSigmoid", Name = add.Name + "_hardsigmoid" };
            sigmoid.Input.Add(x);
            sigmoid.Output.Add(add.Output[0] + "_hardsigmoid");
            sigmoid.Attribute.Add(new AttributeProto { Name = "alpha", Type = AttributeProto.Types.AttributeType.Float, F = 1f / 6f });
            sigmoid.Attribute.Add(new AttributeProto { Name = "beta", Type = AttributeProto.Types.AttributeType.Float, F = 0.5f });
            var product = new NodeProto { OpType = "Mul", Name = mul.Name + "_hardswish" };
            product.Input.Add(x);
            product.Input.Add(sigmoid.Output[0]);
            product.Output.Add(div.Output[0]);
            foreach (var old in new[] { add, clip, mul, div })
            {
                graph.Node.Remove(old);
            }

            graph.Node.Insert(at, product);
            graph.Node.Insert(at, sigmoid);
            rewritten++;
        }

        return rewritten;
    }

    /// <summary>
    /// Mul(h, scalar s) → Add(scalar t) → Conv(s) without padding becomes Conv(h) with weights·s and bias + t·Σweights.
    /// Only without padding: a padded border would see 0 where the affine gives t.
    /// </summary>
    private static int FoldAffineBeforeUnpaddedConv(GraphProto graph, Dictionary<string, TensorProto> initializers)
    {
        var consumers = Consumers(graph);
        var folded = 0;
        foreach (var mul in graph.Node.Where(n => n.OpType == "Mul" && n.Input.Count == 2).ToList())
        {
            if (ScalarAffine(mul, consumers, initializers, graph) is not ({ } input, var s, { } add, var t)
                || IsGraphOutput(graph, add.Output[0])
                || !consumers.TryGetValue(add.Output[0], out var convs)
                || convs.Any(c => c.OpType != "Conv" || c.Input[0] != add.Output[0] || Padded(c) || !OwnsWeights(c, consumers, initializers)))
            {
                continue;
            }

            foreach (var conv in convs.Distinct())
            {
                var weights = initializers[conv.Input[1]];
                var w = Floats(weights);
                var outputs = (int)weights.Dims[0];
                var perOutput = w.Length / outputs;
                var bias = Bias(conv, initializers, outputs);
                for (var o = 0; o < outputs; o++)
                {
                    double sum = 0;
                    for (var k = o * perOutput; k < (o + 1) * perOutput; k++)
                    {
                        sum += w[k];
                        w[k] *= s;
                    }

                    bias[o] += (float)(t * sum);
                }

                SetFloats(weights, w);
                SetBias(graph, conv, initializers, bias, "_affine_before");
                conv.Input[0] = input;
            }

            graph.Node.Remove(mul);
            graph.Node.Remove(add);
            folded++;
        }

        return folded;
    }

    /// <summary>
    /// The affines left (before a padded convolution) cost ONNX Runtime two elementwise passes plus a layout reorder
    /// out of and back into its blocked NCHWc format. As a 1×1 depthwise convolution (weight s, bias t per channel)
    /// the same affine stays in that layout and takes one pass. Needs the channel count, found from the convolution
    /// that produced the input through elementwise operators.
    /// </summary>
    private static int AffineAsDepthwiseConv(GraphProto graph, Dictionary<string, TensorProto> initializers)
    {
        var consumers = Consumers(graph);
        var producers = new Dictionary<string, NodeProto>(StringComparer.Ordinal);
        foreach (var node in graph.Node)
        {
            foreach (var output in node.Output)
            {
                producers[output] = node;
            }
        }

        var converted = 0;
        foreach (var mul in graph.Node.Where(n => n.OpType == "Mul" && n.Input.Count == 2).ToList())
        {
            if (ScalarAffine(mul, consumers, initializers, graph) is not ({ } input, var s, { } add, var t)
                || !consumers.TryGetValue(add.Output[0], out var convs)
                || convs.Any(c => c.OpType != "Conv")
                || Channels(input, producers, initializers) is not { } channels)
            {
                continue;
            }

            var weights = new TensorProto { Name = mul.Name + "_affine_w", DataType = FloatType };
            weights.Dims.AddRange([channels, 1, 1, 1]);
            SetFloats(weights, Enumerable.Repeat(s, channels).ToArray());
            var bias = new TensorProto { Name = mul.Name + "_affine_b", DataType = FloatType };
            bias.Dims.Add(channels);
            SetFloats(bias, Enumerable.Repeat(t, channels).ToArray());
            graph.Initializer.Add(weights);
            graph.Initializer.Add(bias);
            initializers[weights.Name] = weights;
            initializers[bias.Name] = bias;

            var conv = new NodeProto { OpType = "Conv", Name = mul.Name + "_affine" };
            conv.Input.AddRange([input, weights.Name, bias.Name]);
            conv.Output.Add(add.Output[0]);
            conv.Attribute.Add(new AttributeProto { Name = "group", Type = AttributeProto.Types.AttributeType.Int, I = channels });
            var kernel = new AttributeProto { Name = "kernel_shape", Type = AttributeProto.Types.AttributeType.Ints };
            kernel.Ints.AddRange([1, 1]);
            conv.Attribute.Add(kernel);
            var at = graph.Node.IndexOf(mul);
            graph.Node.Remove(mul);
            graph.Node.Remove(add);
            graph.Node.Insert(at, conv);
            producers[conv.Output[0]] = conv;
            converted++;
        }

        return converted;
    }

    /// <summary>Mul(x, scalar s) whose only consumer is Add(·, scalar t): x, s, that Add and t; null for anything else.</summary>
    private static (string Input, float Scale, NodeProto Add, float Shift)? ScalarAffine(
        NodeProto mul, Dictionary<string, List<NodeProto>> consumers, Dictionary<string, TensorProto> initializers, GraphProto graph)
    {
        var scale = mul.Input.FirstOrDefault(i => Scalar(initializers, i) is not null);
        return scale is not null
            && Only(consumers, mul.Output[0], "Add", graph) is { } add
            && Scalar(initializers, Other(add, mul.Output[0])) is { } t
            ? (Other(mul, scale), Scalar(initializers, scale)!.Value, add, t)
            : null;
    }

    /// <summary>Output channels of a 4-D value: those of the convolution it comes from, through elementwise operators.</summary>
    private static int? Channels(string value, Dictionary<string, NodeProto> producers, Dictionary<string, TensorProto> initializers)
    {
        for (var depth = 0; depth < 8 && producers.TryGetValue(value, out var node); depth++)
        {
            if (node.OpType == "Conv" && initializers.TryGetValue(node.Input[1], out var w) && w.Dims.Count == 4)
            {
                return (int)w.Dims[0];
            }

            if (node.OpType is not ("Mul" or "Add" or "Div" or "Sub" or "HardSigmoid" or "Clip" or "Relu" or "Sigmoid"))
            {
                return null;
            }

            value = node.Input.FirstOrDefault(i => !initializers.ContainsKey(i)) ?? "";
        }

        return null;
    }

    private static Dictionary<string, List<NodeProto>> Consumers(GraphProto graph)
    {
        var consumers = new Dictionary<string, List<NodeProto>>(StringComparer.Ordinal);
        foreach (var node in graph.Node)
        {
            foreach (var input in node.Input)
            {
                if (!consumers.TryGetValue(input, out var list))
                {
                    consumers[input] = list = [];
                }

                list.Add(node);
            }
        }

        return consumers;
    }

    /// <summary>The single consumer of <paramref name="value"/> when it is an <paramref name="opType"/> and the value is not a graph output.</summary>
    private static NodeProto? Only(Dictionary<string, List<NodeProto>> consumers, string value, string opType, GraphProto graph) =>
        consumers.TryGetValue(value, out var list) && list.Count == 1 && list[0].OpType == opType && !IsGraphOutput(graph, value) ? list[0] : null;

    private static bool IsGraphOutput(GraphProto graph, string value) => graph.Output.Any(o => o.Name == value);

    /// <summary>The other input of a two-input node.</summary>
    private static string Other(NodeProto node, string input) =>
        node.Input.Count == 2 ? (node.Input[0] == input ? node.Input[1] : node.Input[0]) : "";

    private static float? Scalar(Dictionary<string, TensorProto> initializers, string name) =>
        initializers.TryGetValue(name, out var t) && t.DataType == FloatType && t.Dims.Aggregate(1L, (a, b) => a * b) == 1 ? Floats(t)[0] : null;

    /// <summary>A Clip's bounds: attributes before opset 11, scalar inputs from then on.</summary>
    private static (float?, float?) ClipRange(NodeProto clip, Dictionary<string, TensorProto> initializers) =>
        clip.Input.Count == 1
            ? (clip.Attribute.FirstOrDefault(a => a.Name == "min")?.F, clip.Attribute.FirstOrDefault(a => a.Name == "max")?.F)
            : clip.Input.Count == 3 ? (Scalar(initializers, clip.Input[1]), Scalar(initializers, clip.Input[2])) : (null, null);

    /// <summary>A float convolution whose weights (and bias) are initializers used by it alone, so they may be changed.</summary>
    private static bool OwnsWeights(NodeProto conv, Dictionary<string, List<NodeProto>> consumers, Dictionary<string, TensorProto> initializers) =>
        conv.Input.Count >= 2
        && initializers.TryGetValue(conv.Input[1], out var w) && w.DataType == FloatType && w.Dims.Count == 4
        && consumers[conv.Input[1]].Count == 1
        && (conv.Input.Count < 3 || (initializers.ContainsKey(conv.Input[2]) && consumers[conv.Input[2]].Count == 1));

    private static bool Padded(NodeProto conv) =>
        conv.Attribute.Any(a => a.Name == "pads" && a.Ints.Any(p => p != 0))
        || conv.Attribute.Any(a => a.Name == "auto_pad" && a.S.ToStringUtf8() is not ("" or "NOTSET" or "VALID"));

    private static float[] Bias(NodeProto conv, Dictionary<string, TensorProto> initializers, int outputs) =>
        conv.Input.Count > 2 && conv.Input[2].Length > 0 ? Floats(initializers[conv.Input[2]]) : new float[outputs];

    private static void SetBias(GraphProto graph, NodeProto conv, Dictionary<string, TensorProto> initializers, float[] bias, string suffix)
    {
        var tensor = new TensorProto { Name = conv.Name + conv.Output[0] + suffix, DataType = FloatType };
        tensor.Dims.Add(bias.Length);
        SetFloats(tensor, bias);
        graph.Initializer.Add(tensor);
        initializers[tensor.Name] = tensor;
        if (conv.Input.Count > 2)
        {
            conv.Input[2] = tensor.Name;
        }
        else
        {
            conv.Input.Add(tensor.Name);
        }
    }

    private static float[] Floats(TensorProto t) =>
        t.RawData.Length > 0 ? MemoryMarshal.Cast<byte, float>(t.RawData.Span).ToArray() : [.. t.FloatData];

    private static void SetFloats(TensorProto t, float[] values)
    {
        t.FloatData.Clear();
        t.RawData = ByteString.CopyFrom(MemoryMarshal.AsBytes(values.AsSpan()));
    }

    /// <summary>Drops initializers (and their graph-input entries, as opset-9 exports list them) no node reads any more.</summary>
    private static void RemoveUnused(GraphProto graph)
    {
        var used = new HashSet<string>(graph.Node.SelectMany(n => n.Input), StringComparer.Ordinal);
        used.UnionWith(graph.Output.Select(o => o.Name));
        var unused = graph.Initializer.Where(t => !used.Contains(t.Name)).Select(t => t.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var t in graph.Initializer.Where(t => unused.Contains(t.Name)).ToList())
        {
            graph.Initializer.Remove(t);
        }

        foreach (var input in graph.Input.Where(i => unused.Contains(i.Name)).ToList())
        {
            graph.Input.Remove(input);
        }
    }
}
