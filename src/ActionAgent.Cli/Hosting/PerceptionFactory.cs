using ActionAgent.Browser;
using ActionAgent.Core.Execution;
using ActionAgent.Core.Perception;
using ActionAgent.Vision.Ocr;
using ActionAgent.Vision.Perception;
using ActionAgent.Vision.Verification;
using Microsoft.Extensions.Logging;

namespace ActionAgent.Cli.Hosting;

/// <summary>
/// Builds the perceiver and the outcome verifier for <c>--perception dom|vision|hybrid</c>. Owns the OCR engine: it is
/// loaded once (per run, or per <c>actionagent test</c> process, shared by its flows) and freed by <see cref="Dispose"/>.
/// Hybrid without installed models falls back to DOM perception with one warning; explicit vision refuses to start.
/// </summary>
public sealed class PerceptionFactory : IDisposable
{
    /// <summary>The option name, for messages.</summary>
    public const string OptionName = "--perception";

    /// <summary>The mode used when <c>--perception</c> is not given.</summary>
    public const PerceptionMode DefaultMode = PerceptionMode.Hybrid;

    private readonly PaddleOcrEngine? ocr;
    private readonly ILoggerFactory loggerFactory;
    private readonly List<IDisposable> perceivers = [];

    private PerceptionFactory(PerceptionMode requested, PerceptionMode mode, PaddleOcrEngine? ocr, ILoggerFactory loggerFactory)
    {
        Requested = requested;
        Mode = mode;
        this.ocr = ocr;
        this.loggerFactory = loggerFactory;
    }

    /// <summary>The mode asked for on the command line (or the default).</summary>
    public PerceptionMode Requested { get; }

    /// <summary>The mode in use: <see cref="Requested"/>, or Dom after a fallback.</summary>
    public PerceptionMode Mode { get; }

    /// <summary>What run.json records under versions["perception"], e.g. "hybrid" or "dom (hybrid: OCR models missing)".</summary>
    public string Description => Mode == Requested
        ? Name(Mode)
        : $"{Name(Mode)} ({Name(Requested)} requested: OCR models not installed)";

    /// <summary>Parses <c>dom</c>, <c>vision</c> or <c>hybrid</c> (case-insensitive); null when not given.</summary>
    /// <exception cref="ArgumentException">Any other value.</exception>
    public static PerceptionMode? Parse(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        null or "" => null,
        "dom" => PerceptionMode.Dom,
        "vision" => PerceptionMode.Vision,
        "hybrid" => PerceptionMode.Hybrid,
        _ => throw new ArgumentException($"{OptionName} must be dom, vision or hybrid, got \"{value}\""),
    };

    /// <summary>
    /// Loads the OCR models for vision and hybrid. Hybrid without models warns once on <paramref name="warnings"/> and
    /// uses the DOM; vision without models throws <see cref="OcrModelsNotFoundException"/> saying how to install them.
    /// </summary>
    public static PerceptionFactory Create(PerceptionMode? requested, ILoggerFactory loggerFactory, TextWriter warnings)
    {
        ArgumentNullException.ThrowIfNull(loggerFactory);
        ArgumentNullException.ThrowIfNull(warnings);
        var mode = requested ?? DefaultMode;
        if (mode == PerceptionMode.Dom)
        {
            return new PerceptionFactory(mode, mode, null, loggerFactory);
        }

        try
        {
            var engine = new PaddleOcrEngine(new OcrOptions(), loggerFactory.CreateLogger<PaddleOcrEngine>());
            return new PerceptionFactory(mode, mode, engine, loggerFactory);
        }
        catch (OcrModelsNotFoundException e) when (mode == PerceptionMode.Hybrid)
        {
            warnings.WriteLine(
                $"warning: the OCR models are not installed, so hybrid perception falls back to the DOM only (text and controls drawn on canvases or in images are not seen). Install them with `bash scripts/setup.sh`. {e.Message}");
            return new PerceptionFactory(mode, PerceptionMode.Dom, null, loggerFactory);
        }
        catch (OcrModelsNotFoundException e)
        {
            throw new OcrModelsNotFoundException(
                $"{OptionName} vision needs the OCR models, which are not installed: run `bash scripts/setup.sh` (ACTIONAGENT_SKIP_BUILD=1 to skip the build), or set {OcrModelLocator.EnvironmentVariable} to the folder holding them, or use {OptionName} dom. {e.Message}",
                e);
        }
    }

    /// <summary>The perceiver for one browser session (DOM perceiver, wrapped by a <see cref="FusedPerceiver"/> when OCR is loaded).</summary>
    public IPerceiver CreatePerceiver(BrowserSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var dom = session.CreatePerceiver();
        if (ocr is null)
        {
            return dom;
        }

        var fused = new FusedPerceiver(
            dom,
            session,
            ocr,
            new FusedPerceptionOptions { Mode = Mode },
            time: TimeProvider.System,
            logger: loggerFactory.CreateLogger<FusedPerceiver>());
        lock (perceivers)
        {
            perceivers.Add(fused);
        }

        return fused;
    }

    /// <summary>
    /// Whether each step's effect is checked in the DOM by element id (DOM and hybrid perception); with vision the
    /// elements are the pixels' own, so the verifier of <see cref="CreateVerifier"/> confirms steps and the DOM only
    /// reads back the focused field (<c>GovernedSession.CreateLoop(…, checkInDom)</c>).
    /// </summary>
    public bool ChecksInDom => Mode != PerceptionMode.Vision;

    /// <summary>
    /// The verifier for one browser session: <see cref="PixelChangeVerifier"/> compares the screen before and after, so
    /// "the action had no visible effect" reaches the decider (in every mode; it needs no models). In vision mode it also
    /// confirms steps from a visible change at their target, since no DOM check runs there.
    /// </summary>
    public IOutcomeVerifier CreateVerifier(BrowserSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        // With the DOM, its verifier checks each effect; from pixels alone, a visible change at the target is the check.
        var options = new PixelChangeVerifierOptions { ConfirmEffects = !ChecksInDom, LearnMotion = !ChecksInDom };
        return new PixelChangeVerifier(session, options, time: TimeProvider.System, logger: loggerFactory.CreateLogger<PixelChangeVerifier>());
    }

    /// <summary>Frees the perceivers' kept frames and the OCR engine.</summary>
    public void Dispose()
    {
        lock (perceivers)
        {
            perceivers.ForEach(p => p.Dispose());
            perceivers.Clear();
        }

        ocr?.Dispose();
    }

    private static string Name(PerceptionMode mode) => mode.ToString().ToLowerInvariant();
}
