using System.ComponentModel.DataAnnotations;
using System.Reflection;
using System.Xml.Linq;
using Kaimini.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.DependencyInjection;

namespace Kaimini.Tests.Localization;

/// <summary>Every validation attribute on every bound form ends up with a message key that is
/// translated in both languages, whether the form names one or takes the default
/// (Infrastructure/Web/DefaultValidationMessages).</summary>
public class ValidationMessageTests(KaiminiApp app) : IClassFixture<KaiminiApp>
{
    [Fact]
    public void Every_validation_attribute_has_a_translated_message()
    {
        var keys = new[] { "lv", "en" }
            .Select(c => XDocument.Load(Path.Combine(RepositoryFiles.WebProject, "Resources", $"SharedResource.{c}.resx"))
                .Root!.Elements("data").Select(d => (string)d.Attribute("name")!).ToHashSet())
            .Aggregate((a, b) => { a.IntersectWith(b); return a; });
        var metadata = app.Services.GetRequiredService<IModelMetadataProvider>();
        var forms = typeof(Kaimini.Web.Domain.Community).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false, IsGenericTypeDefinition: false })
            .Where(t => t.GetProperties().Any(p => p.GetCustomAttributes<ValidationAttribute>().Any(a => a.GetType() != typeof(DataTypeAttribute))))
            .ToList();
        Assert.True(forms.Count > 20, $"only {forms.Count} forms found");

        var missing = new List<string>();
        foreach (var form in forms)
        {
            foreach (var property in metadata.GetMetadataForProperties(form))
            {
                // [DataType] only tells the editor what the field holds; it never refuses a value.
                foreach (var attribute in property.ValidatorMetadata.OfType<ValidationAttribute>().Where(a => a.GetType() != typeof(DataTypeAttribute)))
                {
                    if (attribute.ErrorMessage is not { } key || !keys.Contains(key))
                    {
                        missing.Add($"{form.Name}.{property.PropertyName}: {attribute.GetType().Name} → {attribute.ErrorMessage ?? "(none)"}");
                    }
                }
            }
        }

        Assert.Empty(missing);
    }
}
