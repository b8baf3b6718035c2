namespace Kaimini.Web.Features.BulkSends;

public class BulkSendOptions
{
    public const string Section = "BulkSends";

    /// <summary>Run the bulk-send worker in this instance (any number may: each chunk is claimed once).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How often an idle worker looks for bulk sends to process.</summary>
    public double PollSeconds { get; set; } = 2;

    /// <summary>Recipients per transaction: their invitations, mail and the progress counter commit together.</summary>
    public int ChunkSize { get; set; } = 100;
}
