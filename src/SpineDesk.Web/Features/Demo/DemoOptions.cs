using System.ComponentModel.DataAnnotations;

namespace SpineDesk.Web.Features.Demo;

/// <summary>Demo content for trying SpineDesk out (appsettings.Development.json turns it on).</summary>
public sealed class DemoOptions
{
    public const string Section = "Demo";

    /// <summary>
    /// When the database has no inquiries at start, fill it with a demo clinic. Ignored in the Production
    /// environment, so a stray setting never puts fictional patients into a clinic's real database.
    /// </summary>
    public bool SeedWhenEmpty { get; set; }

    /// <summary>How many demo inquiries <see cref="SeedWhenEmpty"/> creates.</summary>
    [Range(1, DemoCommand.MaxInquiries)]
    public int Inquiries { get; set; } = 60;
}
