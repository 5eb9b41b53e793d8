namespace ActionAgent.SampleApp;

/// <summary>Visible labels and element ids of the refund form; the alternate layout rewords and renames them.</summary>
internal sealed record RefundLabels(string Amount, string Notes, string OptionsLegend, string Submit, string IdPrefix)
{
    public static readonly RefundLabels Standard = new("Amount", "Notes", "Options", "Submit refund", "");

    public static readonly RefundLabels Alternate = new("Refund amount", "Comments", "Extras", "Send refund request", "alt-");

    public static RefundLabels For(bool alternateLayout) => alternateLayout ? Alternate : Standard;
}
