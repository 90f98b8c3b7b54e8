namespace SpineDesk.Web.Features.Public;

public sealed class ContentOptions
{
    public const string Section = "Content";

    /// <summary>
    /// The folder holding <c>pages/</c> and <c>diagrams/</c>. Empty means the content shipped with the build;
    /// a clinic points this at its own copy to edit the pages.
    /// </summary>
    public string? Path { get; set; }
}
