using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using Foundry.Generated.Hosting;
using Microsoft.Extensions.Configuration;
using Xunit;

namespace Foundry.Generated.Consumer.Tests.Hosting;

/// <summary>
/// The README's "Dependency injection" configuration section, read from README.md itself, is what
/// <see cref="FoundryConfiguration"/> reads: every key it shows takes effect (none is silently ignored) and the section
/// passes start-up validation.
/// </summary>
public sealed partial class ReadmeConfigurationTests
{
    [Fact]
    public void The_readme_configuration_section_is_read_key_by_key()
    {
        var json = Assert.Single(JsonBlock().Matches(File.ReadAllText(ReadmeFile.Path)).Select(m => m.Groups[1].Value), s => s.Contains("\"Foundry\": { \"BaseUrl\"", StringComparison.Ordinal));
        var settings = new Dictionary<string, string?>();
        Flatten(JsonDocument.Parse(json).RootElement, "", settings);
        // Not the defaults, so a key that is not read shows.
        var options = new FoundryClientOptions { MaxRetries = 0, StreamIdleTimeout = TimeSpan.FromSeconds(1), ModelIdWireFormat = ModelIdWireFormat.FriendlyId };

        FoundryConfiguration.Apply(new ConfigurationBuilder().AddInMemoryCollection(settings).Build().GetSection("Foundry"), options);

        // Each key the README shows, as the options hold it.
        Assert.Equal(
            ["Foundry:AttributionRids:0", "Foundry:BaseUrl", "Foundry:MaxRetries", "Foundry:ModelIdWireFormat", "Foundry:OAuth2:ClientId", "Foundry:OAuth2:ClientSecret", "Foundry:StreamIdleTimeout", "Foundry:Token"],
            settings.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(new Uri(settings["Foundry:BaseUrl"]!), options.BaseUrl);
        Assert.Equal(settings["Foundry:Token"], options.Token);
        Assert.Equal([settings["Foundry:AttributionRids:0"]!], options.AttributionRids);
        Assert.Equal(3, options.MaxRetries);
        Assert.Equal(TimeSpan.FromMinutes(2), options.StreamIdleTimeout);
        Assert.Equal(ModelIdWireFormat.Rid, options.ModelIdWireFormat);
        Assert.IsType<FoundryOAuth2TokenProvider>(options.Credentials);
    }

    private static void Flatten(JsonElement element, string path, Dictionary<string, string?> settings)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    Flatten(property.Value, path.Length == 0 ? property.Name : path + ":" + property.Name, settings);
                }

                break;
            case JsonValueKind.Array:
                var i = 0;
                foreach (var item in element.EnumerateArray())
                {
                    Flatten(item, path + ":" + i++, settings);
                }

                break;
            default:
                settings[path] = element.ValueKind == JsonValueKind.String ? element.GetString() : element.GetRawText();
                break;
        }
    }

    [GeneratedRegex("```json\\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex JsonBlock();
}
