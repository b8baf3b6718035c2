using Kaimini.Web.Domain;

namespace Kaimini.Web.Features.Following;

/// <summary>The follow and unfollow buttons' form: what, and where to go back to.</summary>
public class FollowForm
{
    public FollowKind Kind { get; set; }
    public int TargetId { get; set; }
    public string? ReturnUrl { get; set; }
}
