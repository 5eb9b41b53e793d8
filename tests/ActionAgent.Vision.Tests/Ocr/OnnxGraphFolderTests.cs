using System.Runtime.InteropServices;
using ActionAgent.Vision.Ocr;
using ActionAgent.Vision.Tests.Support;
using Google.Protobuf;
using Microsoft.ML.OnnxRuntime;
using Onnx;

namespace ActionAgent.Vision.Tests.Ocr;

[TestClass]
public sealed class OnnxGraphFolderTests
{
    private static string ModelFile(string name) => Path.Combine(OcrModelLocator.Locate(new OcrOptions()), name);

    [TestMethod]
    [DataRow("ch_PP-OCRv4_det_infer.onnx", 28, 10, 13, 24)]
    [DataRow("ch_PP-OCRv4_rec_infer.onnx", 28, 12, 13, 28)]
    public void Fold_ShippedModel_FoldsEveryAffineAndHardSwishItHas(string file, int after, int before, int asConvs, int swishes)
    {
        var folded = OnnxGraphFolder.Fold(File.ReadAllBytes(ModelFile(file)));

        // A model update that no longer matches the patterns shows here (and as slower OCR), not as wrong text.
        Assert.AreEqual((after, before, asConvs, swishes), (folded.ConvAffines, folded.PreConvAffines, folded.AffineConvs, folded.HardSwishes), folded.ToString());
    }

    [TestMethod]
    public void Fold_AffineBetweenAnActivationAndAPaddedConv_BecomesA1x1DepthwiseConvWithTheSameOutput()
    {
        // Conv → Relu → Mul(0.5) → Add(-0.25) → Conv 3×3 padded: the affine cannot be folded away, only made one pass.
        var g = Graph();
        Weights(g, "w1", [3, 2, 1, 1]);
        Weights(g, "w2", [3, 3, 3, 3]);
        Scalar(g, "s", 0.5f);
        Scalar(g, "t", -0.25f);
        Node(g, "Conv", ["x", "w1"], "c1");
        Node(g, "Relu", ["c1"], "r");
        Node(g, "Mul", ["r", "s"], "m");
        Node(g, "Add", ["m", "t"], "a");
        Node(g, "Conv", ["a", "w2"], "y").Attribute.Add(Ints("pads", 1, 1, 1, 1));
        var model = Model(g);

        var folded = OnnxGraphFolder.Fold(model);

        Assert.AreEqual(1, folded.AffineConvs, folded.ToString());
        var affine = ModelProto.Parser.ParseFrom(folded.Model).Graph.Node.Single(n => n.Name.EndsWith("_affine", StringComparison.Ordinal));
        Assert.AreEqual(("Conv", 3L), (affine.OpType, affine.Attribute.Single(a => a.Name == "group").I));
        var input = Enumerable.Range(0, 2 * 5 * 5).Select(i => 3 * (float)Math.Sin(i * 1.3)).ToArray();
        Assert.IsTrue(MaxDifference(model, folded.Model, input, [1, 2, 5, 5]) < 1e-5);
    }

    [TestMethod]
    public void Fold_ShippedModels_ComputeTheSameOutputsOnARealFrame()
    {
        using var frame = Frames.Blank(320, 96).Text("Submit refund", 10, 40).Text("Order 1042", 10, 80, 0.6);
        var detInput = Planes(frame);
        using var line = Frames.Blank(192, 48).Text("Submit refund", 4, 32, 0.7);
        var recInput = Planes(line);

        var det = MaxDifference(ModelFile("ch_PP-OCRv4_det_infer.onnx"), detInput, [1, 3, 96, 320]);
        var rec = MaxDifference(ModelFile("ch_PP-OCRv4_rec_infer.onnx"), recInput, [1, 3, 48, 192]);

        Assert.IsTrue(det < 1e-4, $"detection probabilities differ by {det}");
        Assert.IsTrue(rec < 1e-4, $"recognition probabilities differ by {rec}");
    }

    [TestMethod]
    public void Read_FoldedAndAsShipped_ReadTheSameLinesWithTheSameBoxes()
    {
        using var image = Frames.Blank();
        string[] words = ["OK", "Export", "Save changes", "Invoice 4821", "Refund approved for order 1042", "Notify customer", "Cancel", "Reason"];
        for (var i = 0; i < words.Length; i++)
        {
            image.Text(words[i], 40 + (i % 2) * 600, 60 + i * 70, 0.6 + (i % 3) * 0.2);
        }

        using var shipped = new PaddleOcrEngine(new OcrOptions { FoldGraphs = false });
        using var folded = new PaddleOcrEngine(new OcrOptions { FoldGraphs = true });

        Assert.IsNull(shipped.Folding);
        Assert.IsNotNull(folded.Folding);
        var expected = shipped.Read(image);
        CollectionAssert.AreEqual(words, expected.Select(l => l.Text).ToArray(), string.Join(" | ", expected.Select(l => l.Text)));
        CollectionAssert.AreEqual(expected.Select(l => (l.Text, l.Bounds)).ToArray(), folded.Read(image).Select(l => (l.Text, l.Bounds)).ToArray());
    }

    [TestMethod]
    public void Fold_AffineBeforeAPaddedConv_IsLeftAlone_AndBeforeAnUnpaddedOne_IsFoldedExactly()
    {
        // x → Mul(2) → Add(1) → Conv: a padded border would see 0 where the affine gives 1, so only the 1×1 conv folds.
        var padded = AffineThenConv(kernel: 3, pad: 1);
        var unpadded = AffineThenConv(kernel: 1, pad: 0);

        var paddedResult = OnnxGraphFolder.Fold(padded);
        var unpaddedResult = OnnxGraphFolder.Fold(unpadded);

        Assert.IsFalse(paddedResult.Changed, paddedResult.ToString());
        Assert.AreEqual(1, unpaddedResult.PreConvAffines);
        Assert.AreEqual(2, ModelProto.Parser.ParseFrom(unpadded).Graph.Node.Count - ModelProto.Parser.ParseFrom(unpaddedResult.Model).Graph.Node.Count);
        var input = Enumerable.Range(0, 2 * 5 * 5).Select(i => (float)Math.Sin(i)).ToArray();
        Assert.IsTrue(MaxDifference(unpadded, unpaddedResult.Model, input, [1, 2, 5, 5]) < 1e-5);
    }

    [TestMethod]
    public void Fold_ConvThenAffineThenHardSwish_BecomesConvAndHardSigmoid_WithTheSameOutput()
    {
        var model = ConvThenAffineThenHardSwish();

        var folded = OnnxGraphFolder.Fold(model);

        Assert.AreEqual((1, 1), (folded.ConvAffines, folded.HardSwishes));
        var ops = ModelProto.Parser.ParseFrom(folded.Model).Graph.Node.Select(n => n.OpType).ToArray();
        CollectionAssert.AreEqual(new[] { "Conv", "HardSigmoid", "Mul" }, ops);
        var input = Enumerable.Range(0, 2 * 5 * 5).Select(i => 4 * (float)Math.Cos(i)).ToArray();
        Assert.IsTrue(MaxDifference(model, folded.Model, input, [1, 2, 5, 5]) < 1e-5);
    }

    [TestMethod]
    public void Fold_NotAnOnnxModel_Throws()
    {
        Assert.ThrowsExactly<InvalidProtocolBufferException>(() => OnnxGraphFolder.Fold([0xFF, 0xFF, 0xFF, 0x01]));
    }

    private static float[] Planes(OpenCvSharp.Mat bgr)
    {
        int rows = bgr.Rows, cols = bgr.Cols;
        var planes = new float[3 * rows * cols];
        for (var y = 0; y < rows; y++)
        {
            for (var x = 0; x < cols; x++)
            {
                var p = bgr.At<OpenCvSharp.Vec3b>(y, x);
                for (var c = 0; c < 3; c++)
                {
                    planes[(c * rows * cols) + (y * cols) + x] = (p[c] / 255f - 0.5f) / 0.5f;
                }
            }
        }

        return planes;
    }

    private static double MaxDifference(string modelFile, float[] input, long[] shape)
    {
        var original = File.ReadAllBytes(modelFile);
        return MaxDifference(original, OnnxGraphFolder.Fold(original).Model, input, shape);
    }

    private static double MaxDifference(byte[] a, byte[] b, float[] input, long[] shape)
    {
        var x = Run(a, input, shape);
        var y = Run(b, input, shape);
        Assert.AreEqual(x.Length, y.Length);
        return x.Zip(y, (p, q) => Math.Abs(p - q)).Max();
    }

    private static float[] Run(byte[] model, float[] input, long[] shape)
    {
        using var options = new SessionOptions { IntraOpNumThreads = 1 };
        using var session = new InferenceSession(model, options);
        using var value = OrtValue.CreateTensorValueFromMemory(input, shape);
        using var runOptions = new RunOptions();
        using var outputs = session.Run(runOptions, [session.InputNames[0]], [value], [session.OutputNames[0]]);
        return outputs[0].GetTensorDataAsSpan<float>().ToArray();
    }

    private static byte[] AffineThenConv(int kernel, int pad)
    {
        var g = Graph();
        Scalar(g, "s", 2f);
        Scalar(g, "t", 1f);
        Weights(g, "w", [3, 2, kernel, kernel]);
        Node(g, "Mul", ["x", "s"], "m");
        Node(g, "Add", ["m", "t"], "a");
        var conv = Node(g, "Conv", ["a", "w"], "y");
        conv.Attribute.Add(Ints("pads", pad, pad, pad, pad));
        return Model(g);
    }

    private static byte[] ConvThenAffineThenHardSwish()
    {
        var g = Graph();
        Weights(g, "w", [3, 2, 3, 3]);
        Scalar(g, "s", 0.5f);
        Scalar(g, "t", -0.25f);
        Scalar(g, "three", 3f);
        Scalar(g, "six", 6f);
        var conv = Node(g, "Conv", ["x", "w"], "c");
        conv.Attribute.Add(Ints("pads", 1, 1, 1, 1));
        Node(g, "Mul", ["s", "c"], "m");
        Node(g, "Add", ["m", "t"], "a");
        Node(g, "Add", ["a", "three"], "a3");
        var clip = Node(g, "Clip", ["a3"], "cl");
        clip.Attribute.Add(new AttributeProto { Name = "min", Type = AttributeProto.Types.AttributeType.Float, F = 0 });
        clip.Attribute.Add(new AttributeProto { Name = "max", Type = AttributeProto.Types.AttributeType.Float, F = 6 });
        Node(g, "Mul", ["a", "cl"], "p");
        Node(g, "Div", ["p", "six"], "y");
        return Model(g);
    }

    private static GraphProto Graph()
    {
        var g = new GraphProto { Name = "test" };
        g.Input.Add(Value("x"));
        g.Output.Add(Value("y"));
        return g;
    }

    private static ValueInfoProto Value(string name)
    {
        var shape = new TensorShapeProto();
        foreach (var d in new[] { "n", "c", "h", "w" })
        {
            shape.Dim.Add(new TensorShapeProto.Types.Dimension { DimParam = d });
        }

        return new ValueInfoProto { Name = name, Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = 1, Shape = shape } } };
    }

    private static NodeProto Node(GraphProto g, string op, string[] inputs, string output)
    {
        var node = new NodeProto { OpType = op, Name = output + "_" + op };
        node.Input.AddRange(inputs);
        node.Output.Add(output);
        g.Node.Add(node);
        return node;
    }

    private static void Scalar(GraphProto g, string name, float value) => g.Initializer.Add(Tensor(name, [1], [value]));

    private static void Weights(GraphProto g, string name, long[] dims) =>
        g.Initializer.Add(Tensor(name, dims, Enumerable.Range(0, (int)dims.Aggregate(1L, (a, b) => a * b)).Select(i => (float)Math.Sin(i * 0.7) * 0.5f).ToArray()));

    private static TensorProto Tensor(string name, long[] dims, float[] values)
    {
        var t = new TensorProto { Name = name, DataType = 1, RawData = ByteString.CopyFrom(MemoryMarshal.AsBytes(values.AsSpan())) };
        t.Dims.AddRange(dims);
        return t;
    }

    private static AttributeProto Ints(string name, params long[] values)
    {
        var a = new AttributeProto { Name = name, Type = AttributeProto.Types.AttributeType.Ints };
        a.Ints.AddRange(values);
        return a;
    }

    private static byte[] Model(GraphProto g)
    {
        var model = new ModelProto { IrVersion = 7, Graph = g };
        model.OpsetImport.Add(new OperatorSetIdProto { Domain = "", Version = 9 });
        return model.ToByteArray();
    }
}
