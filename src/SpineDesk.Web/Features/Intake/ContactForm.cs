using System.ComponentModel.DataAnnotations;
using SpineDesk.Clinical.RedFlags;
using SpineDesk.Data.Intake;

namespace SpineDesk.Web.Features.Intake;

/// <summary>What a person sends when asking a care coordinator to contact them (DESIGN.md §2.3).</summary>
public sealed class ContactForm
{
    [Display(Name = "Your name")]
    [Required(ErrorMessage = "Enter your name.")]
    [StringLength(200, ErrorMessage = "Your name must be 200 characters or fewer.")]
    public string? Name { get; set; }

    [Display(Name = "Phone number")]
    public string? Phone { get; set; }

    [Display(Name = "Email address")]
    [StringLength(254, ErrorMessage = "Your email address must be 254 characters or fewer.")]
    public string? Email { get; set; }

    [Display(Name = "How should we contact you?")]
    public ContactMethod PreferredContactMethod { get; set; } = ContactMethod.Phone;

    [Display(Name = "When is the best time?")]
    public ContactTime PreferredContactTime { get; set; } = ContactTime.Anytime;

    [Display(Name = "Language")]
    [RegularExpression("^(en|es|other)$", ErrorMessage = "Choose a language from the list.")]
    public string Language { get; set; } = "en";

    [Display(Name = "Anything you would like us to know")]
    [StringLength(4000, ErrorMessage = "Please keep your message to 4,000 characters or fewer.")]
    public string? Message { get; set; }

    [Display(Name = "I agree that the clinic may contact me about my back pain using the details above.")]
    public bool ConsentToContact { get; set; }

    public List<RedFlagSign> RedFlags { get; set; } = [];

    /// <summary>Generated when the form is shown; the same key posted twice finds the first inquiry.</summary>
    public Guid SubmissionKey { get; set; }
}

/// <summary>What the shared contact-details fields show: the form as filled in and its problems by field.</summary>
public sealed record ContactDetailsView(ContactForm Form, IReadOnlyDictionary<string, string> Errors);
