using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;

namespace Kaimini.Web.Infrastructure.Web;

/// <summary>The translated message of each validation attribute, set once: an attribute without its
/// own <c>ErrorMessage</c> gets the resource key of its kind here, and data-annotations localization
/// turns the key into text. Forms name a message only when it differs from these (for example
/// "Validation.Choose" on a required select).</summary>
public sealed class DefaultValidationMessages : IValidationMetadataProvider
{
    public const string Required = "Validation.Required";
    public const string MaxLength = "Validation.MaxLength";
    public const string Length = "Validation.Length";
    public const string Email = "Validation.Email";
    public const string Range = "Validation.Range";

    // EmailAddressAttribute reports its built-in English text as its ErrorMessage when none is set.
    private static readonly string? BuiltInEmailMessage = new EmailAddressAttribute().ErrorMessage;

    public void CreateValidationMetadata(ValidationMetadataProviderContext context)
    {
        foreach (var attribute in context.Attributes.OfType<ValidationAttribute>())
        {
            var own = attribute is EmailAddressAttribute && attribute.ErrorMessage == BuiltInEmailMessage ? null : attribute.ErrorMessage;
            if (own is not null || attribute.ErrorMessageResourceName is not null)
            {
                continue;
            }

            attribute.ErrorMessage = attribute switch
            {
                RequiredAttribute => Required,
                StringLengthAttribute { MinimumLength: > 0 } => Length,
                StringLengthAttribute => MaxLength,
                EmailAddressAttribute => Email,
                RangeAttribute => Range,
                _ => null,
            };
        }
    }
}
