using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Kaimini.Web.Infrastructure.Auth;

public static class IdentityResultExtensions
{
    /// <summary>Identity's (translated) errors next to the field they are about: password rules
    /// at the password field, the rest at the top of the form.</summary>
    public static void AddIdentityErrors(this ModelStateDictionary state, IdentityResult result, string passwordField)
    {
        foreach (var error in result.Errors)
        {
            state.AddModelError(error.Code.StartsWith("Password") ? passwordField : "", error.Description);
        }
    }
}
