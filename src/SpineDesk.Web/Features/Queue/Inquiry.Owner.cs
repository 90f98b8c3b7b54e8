using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace SpineDesk.Web.Features.Queue;

/// <summary>Who owns the inquiry: claim it, give it to another coordinator, or let it go.</summary>
public sealed partial class InquiryModel
{
    /// <summary>The staff id chosen in the assign form.</summary>
    [BindProperty]
    public string? AssignTo { get; set; }

    public Task<IActionResult> OnPostClaimAsync(int id, int? version, CancellationToken cancellationToken) =>
        ChangeAsync(id, version, async inquiry =>
        {
            if (inquiry.OwnerId == CurrentUserId)
            {
                Errors["claim"] = "This inquiry is already yours.";
                return null;
            }

            var from = await StaffNameAsync(inquiry.OwnerId, cancellationToken);
            var to = await StaffNameAsync(CurrentUserId, cancellationToken);
            inquiry.OwnerId = CurrentUserId;
            _audit.Add("inquiry.claim", EntityType, Key(id), $"Owner: {from} → {to}");
            return "You own this inquiry now.";
        }, cancellationToken);

    public Task<IActionResult> OnPostAssignAsync(int id, int? version, CancellationToken cancellationToken) =>
        ChangeAsync(id, version, async inquiry =>
        {
            var chosen = string.IsNullOrWhiteSpace(AssignTo)
                ? null
                : await InquiryPageData.CoordinatorsQuery(_db)
                    .Where(u => u.Id == AssignTo)
                    .Select(u => new StaffChoice(u.Id, u.DisplayName))
                    .SingleOrDefaultAsync(cancellationToken);
            if (chosen is null)
            {
                Errors["assign-to"] = "Choose a coordinator from the list.";
                return null;
            }

            if (inquiry.OwnerId == chosen.Id)
            {
                Errors["assign-to"] = $"{chosen.Name} already owns this inquiry.";
                return null;
            }

            var from = await StaffNameAsync(inquiry.OwnerId, cancellationToken);
            inquiry.OwnerId = chosen.Id;
            _audit.Add("inquiry.assign", EntityType, Key(id), $"Owner: {from} → {chosen.Name}");
            return $"Assigned to {chosen.Name}.";
        }, cancellationToken);

    public Task<IActionResult> OnPostReleaseAsync(int id, int? version, CancellationToken cancellationToken) =>
        ChangeAsync(id, version, async inquiry =>
        {
            if (inquiry.OwnerId is null)
            {
                Errors["release"] = "Nobody owns this inquiry.";
                return null;
            }

            var from = await StaffNameAsync(inquiry.OwnerId, cancellationToken);
            inquiry.OwnerId = null;
            _audit.Add("inquiry.release", EntityType, Key(id), $"Owner: {from} → Unclaimed");
            return "The inquiry is unclaimed now; it shows as unclaimed in the queue.";
        }, cancellationToken);
}
