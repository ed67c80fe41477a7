using System;
using System.IO;
using System.IO.Compression;
using System.Text;
using System.Text.Json.Nodes;
using Foundry.Generated.Spec.Sync;
using Foundry.Generated.Spec.Tests.Support;
using Foundry.Generated.Spec.Writing;
using Xunit;

namespace Foundry.Generated.Spec.Tests;

/// <summary>Upstream files are read as they are written (JSON or YAML, OpenAPI 3.0/3.1/3.2), with no model round trip.</summary>
public sealed class UpstreamLoaderTests
{
    private static JsonObject ReadYaml(string yaml) => Loaded.Read("OpenAi", "doc.yaml", "openapi: 3.1.0\npaths: {}\n" + yaml).Document;

    [Fact]
    public void Yaml_scalars_follow_the_yaml_1_2_core_schema()
    {
        var doc = ReadYaml("""
            values:
              quoted_number: "200"
              single_quoted_bool: 'true'
              plain_true: true
              plain_False: False
              plain_null: null
              tilde: ~
              empty:
              integer: 42
              plus_integer: +12
              leading_zeros: 007
              hex: 0x1F
              octal: 0o17
              float: 0.5
              bare_fraction: .5
              trailing_dot: 5.
              exponent: 1e3
              negative_exponent: -2.5E-3
              date: 2024-10-01
              yes_word: yes
              on_word: on
              version: 1.10.0
              tagged_string: !!str 123
              non_specific: ! 12
              literal: |
                line one
                line two
              folded: >-
                folded
                text
            200: numeric-looking key
            "201": quoted key
            true: bool-looking key
            """);
        var values = doc["values"]!;

        Assert.Equal("""{"quoted_number":"200","single_quoted_bool":"true","plain_true":true,"plain_False":false,"plain_null":null,"tilde":null,"empty":null,"integer":42,"plus_integer":12,"leading_zeros":7,"hex":31,"octal":15,"float":0.5,"bare_fraction":0.5,"trailing_dot":5.0,"exponent":1e3,"negative_exponent":-2.5E-3,"date":"2024-10-01","yes_word":"yes","on_word":"on","version":"1.10.0","tagged_string":"123","non_specific":"12","literal":"line one\nline two\n","folded":"folded text"}""", values.ToJsonString());
        Assert.Equal("numeric-looking key", doc["200"]!.GetValue<string>());
        Assert.Equal("quoted key", doc["201"]!.GetValue<string>());
        Assert.Equal("bool-looking key", doc["true"]!.GetValue<string>());
    }

    [Fact]
    public void Yaml_anchors_and_aliases_are_expanded_into_copies()
    {
        var doc = ReadYaml("""
            shared: &shape
              type: string
              maxLength: 3
            copy: *shape
            list: [*shape, {type: integer}]
            """);

        Assert.Equal(doc["shared"]!.ToJsonString(), doc["copy"]!.ToJsonString());
        Assert.Equal("""[{"type":"string","maxLength":3},{"type":"integer"}]""", doc["list"]!.ToJsonString());
    }

    [Theory]
    [InlineData("a: 1\na: 2\n", 4, 1, "duplicate key 'a'")]
    [InlineData("<<: {a: 1}\n", 3, 1, "merge keys")]
    [InlineData("x: .inf\n", 3, 4, "cannot be written in JSON")]
    [InlineData("x: [1, 2\ny: 3\n", 3, 5, "not valid YAML")]
    [InlineData("? [a]\n: 1\n", 3, 3, "keys must be scalars")]
    [InlineData("x: !custom 1\n", 3, 4, "unsupported tag '!custom'")]
    [InlineData("---\nx: 1\n", 3, 1, "more than one YAML document")]
    [InlineData("x: *nowhere\n", 3, 4, "alias '*nowhere' names no anchor")]
    public void Yaml_problems_name_the_file_and_the_yaml_line(string yaml, int line, int column, string message)
    {
        var error = Assert.Throws<SpecSyncException>(() => ReadYaml(yaml));

        Assert.StartsWith($"doc.yaml:{line}:", error.Message);
        Assert.Contains(message, error.Message);
        if (!message.StartsWith("not valid YAML", StringComparison.Ordinal))
        {
            Assert.StartsWith($"doc.yaml:{line}:{column}: ", error.Message);
        }
    }

    [Fact]
    public void Json_problems_name_the_file_and_the_json_line_not_a_yaml_or_converted_line()
    {
        var error = Assert.Throws<SpecSyncException>(() => Loaded.Read("OpenAi", "doc.json", "{\n  \"openapi\": \"3.1.0\",\n  \"paths\": {\n    \"a\": tru\n  }\n}\n"));

        // System.Text.Json reports where it gave up: after "tru" on line 4.
        Assert.StartsWith("doc.json:4:13: not valid JSON: ", error.Message);
    }

    [Fact]
    public void Duplicate_json_keys_are_an_error_at_the_second_key()
    {
        var error = Assert.Throws<SpecSyncException>(() => Loaded.Read("OpenAi", "doc.json", "{\"paths\": {},\n \"paths\": {}}"));

        Assert.Equal("doc.json:2:2: not valid JSON: duplicate key 'paths'", error.Message);
    }

    [Fact]
    public void A_yaml_named_file_holding_json_is_read_as_json()
    {
        // tryAGI's Anthropic mirror publishes JSON as openapi.yaml.
        var log = new StringWriter();

        var spec = global::Foundry.Generated.SpecSync.UpstreamLoader.Read("Anthropic", "openapi.yaml", "{\"openapi\": \"3.1.0\", \"paths\": {}, \"x\": -0}", true, log, validate: false);

        Assert.Equal("-0", spec.Document["x"]!.ToJsonString());
        Assert.Equal("openapi.yaml: JSON, OpenAPI 3.1.0, 0 paths, 0 schemas", log.ToString().Trim());
    }

    [Fact]
    public void A_yaml_flow_mapping_that_is_not_json_is_read_as_yaml()
    {
        var log = new StringWriter();

        var spec = global::Foundry.Generated.SpecSync.UpstreamLoader.Read("Anthropic", "openapi.yaml", "{openapi: 3.1.0, paths: {}, x: yes}", true, log, validate: false);

        Assert.Equal("yes", spec.Document["x"]!.GetValue<string>());
        Assert.StartsWith("openapi.yaml: YAML, OpenAPI 3.1.0", log.ToString());
    }

    [Fact]
    public void Document_without_paths_is_rejected_where_it_starts()
    {
        var error = Assert.Throws<SpecSyncException>(() => Loaded.Read("OpenAi", "doc.yaml", "\n\nopenapi: 3.1.0\ninfo: {}\n"));

        Assert.Equal("doc.yaml:3:1: not an OpenAPI document (no 'paths' object)", error.Message);
    }

    [Theory]
    [InlineData("swagger: '2.0'\npaths: {}\n", "doc.yaml:1:10: Swagger (OpenAPI 2.0) is not supported; convert the document to OpenAPI 3")]
    [InlineData("openapi: 4.0.0\npaths: {}\n", "doc.yaml:1:10: unsupported OpenAPI version \"4.0.0\" (3.0.x, 3.1.x and 3.2.x are supported)")]
    [InlineData("openapi: 3.1\npaths: {}\n", "doc.yaml:1:10: unsupported OpenAPI version 3.1 (3.0.x, 3.1.x and 3.2.x are supported)")]
    public void Only_openapi_3_0_to_3_2_documents_are_read(string yaml, string message)
    {
        // An unquoted 3.1 is a YAML number, not the version string "3.1".
        var error = Assert.Throws<SpecSyncException>(() => Loaded.Read("OpenAi", "doc.yaml", yaml));

        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void An_openapi_3_2_event_stream_item_schema_binds_the_stream_events()
    {
        var openAi = TinySpecs.OpenAi();
        openAi["openapi"] = "3.2.0";
        var content = openAi["paths"]!["/responses"]!["post"]!["responses"]!["200"]!["content"]!.AsObject();
        content["text/event-stream"] = new JsonObject
        {
            ["itemSchema"] = new JsonObject
            {
                ["type"] = "object",
                ["properties"] = new JsonObject
                {
                    ["event"] = new JsonObject { ["type"] = "string" },
                    ["data"] = new JsonObject { ["contentMediaType"] = "application/json", ["contentSchema"] = TinySpecs.Ref("ResponseStreamEvent") },
                },
            },
        };
        content["application/json"] = new JsonObject { ["itemSchema"] = TinySpecs.Ref("Response") };

        var spec = JsonNode.Parse(TinySpecs.Sync(Loaded.Read("OpenAi", "openai.yaml", TestYaml.Emit(openAi))))!;

        var ok = spec["paths"]!["/api/v2/llm/proxy/openai/v1/responses"]!["post"]!["responses"]!["200"]!["content"]!;
        Assert.Equal("#/components/schemas/OpenAi.ResponseStreamEvent", ok["text/event-stream"]!["schema"]!["$ref"]!.GetValue<string>());
        Assert.Equal("#/components/schemas/OpenAi.Response", ok["application/json"]!["schema"]!["$ref"]!.GetValue<string>());
    }

    [Fact]
    public void A_blank_keep_block_scalar_reads_as_in_yaml_1_2()
    {
        // OpenAI's openapi.yaml (2026-08-21) has "example: |+" followed by a line of 12 spaces: the value is "\n".
        var doc = ReadYaml("a:\n  b:\n    example: |+\n            \n    nullable: true\n");

        Assert.Equal("""{"b":{"example":"\n","nullable":true}}""", doc["a"]!.ToJsonString());
    }

    [Fact]
    public void A_3_1_yaml_with_3_0_style_boolean_bounds_syncs_with_the_bound_kept()
    {
        // Microsoft.OpenApi's 3.1 writer turned this into "exclusiveMinimum": True and dropped "minimum".
        var json = TinySpecs.OpenAi();
        json["components"]!["schemas"]!["Response"]!["properties"]!["score"] = new JsonObject { ["type"] = "number", ["minimum"] = 0.5, ["exclusiveMinimum"] = true };
        var yaml = Loaded.Read("OpenAi", "openai.yaml", TestYaml.Emit(json));

        var score = JsonNode.Parse(TinySpecs.Sync(yaml.Document))!["components"]!["schemas"]!["OpenAi.Response"]!["properties"]!["score"]!;

        Assert.Equal("0.5", score["exclusiveMinimum"]!.ToJsonString());
        Assert.Null(score["minimum"]);
    }

    [Fact]
    public void Small_document_as_json_and_as_yaml_syncs_to_the_same_bytes()
    {
        var json = TinySpecs.OpenAi();
        json["components"]!["schemas"]!["Response"]!["properties"]!["status"] = new JsonObject { ["type"] = "string", ["enum"] = new JsonArray("200", "yes", "2024-10-01", "null"), ["default"] = "200" };
        json["components"]!["schemas"]!["Response"]!["properties"]!["n"] = new JsonObject { ["type"] = "integer", ["maximum"] = 128, ["default"] = 1.0 };
        var jsonText = json.ToJsonString();
        var yamlText = TestYaml.Emit(json);

        var fromJson = Loaded.Read("OpenAi", "openai.json", jsonText);
        var fromYaml = Loaded.Read("OpenAi", "openai.yaml", yamlText);

        Assert.Contains("- \"200\"", yamlText);
        Assert.Contains("- yes", yamlText);
        Assert.Equal(CanonicalJsonWriter.Compact(fromJson.Document), CanonicalJsonWriter.Compact(fromYaml.Document));
        Assert.Equal(TinySpecs.Sync(fromJson.Document), TinySpecs.Sync(fromYaml.Document));
    }

    [Fact]
    public void OpenAi_3_0_yaml_converted_to_json_and_back_syncs_to_the_same_bytes()
    {
        var yamlText = File.ReadAllText(Repo.Upstream("openai", "openapi-2025-04-manual-3.0.yaml"));
        var fromYaml = Loaded.Read("OpenAi", "openapi.yaml", yamlText);
        var jsonText = fromYaml.Document.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true });
        var fromJson = Loaded.Read("OpenAi", "openapi.json", jsonText);
        var backToYaml = Loaded.Read("OpenAi", "openapi-again.yaml", TestYaml.Emit(fromJson.Document));

        var expected = Loaded.Sync(openAi: fromYaml);

        Assert.Equal(expected, Loaded.Sync(openAi: fromJson));
        Assert.Equal(expected, Loaded.Sync(openAi: backToYaml));
        Assert.Contains("\"OpenAi.CreateChatCompletionStreamResponse\"", expected);
    }

    [Fact]
    public void Checked_in_json_specs_emitted_as_yaml_sync_to_the_same_bytes()
    {
        var anthropic = Loaded.Read("Anthropic", "anthropic.yaml", TestYaml.Emit(Loaded.Anthropic.Document));
        var gemini = Loaded.Read("Gemini", "gemini.yaml", TestYaml.Emit(Loaded.Gemini.Document));

        Assert.Equal(Loaded.Sync(), Loaded.Sync(anthropic: anthropic, gemini: gemini));
    }

    [Fact]
    public void Gzipped_files_are_read_by_their_inner_name()
    {
        var path = Path.Combine(Path.GetTempPath(), "fdry-" + Guid.NewGuid().ToString("N") + ".yaml.gz");
        try
        {
            using (var file = File.Create(path))
            using (var gzip = new GZipStream(file, CompressionLevel.Fastest))
            {
                var bytes = Encoding.UTF8.GetBytes("openapi: 3.2.0\npaths: {}\nx: 2024-10-01\n");
                gzip.Write(bytes, 0, bytes.Length);
            }

            var spec = Loaded.Load("OpenAi", path);

            Assert.Equal("2024-10-01", spec.Document["x"]!.GetValue<string>());
            Assert.Equal(path, spec.SourceName);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Validator_problems_without_a_pointer_are_located_from_their_message()
    {
        // Microsoft.OpenApi reports unknown 3.0 keywords as "... at #/components/..." with no pointer of its own.
        var log = new StringWriter();

        global::Foundry.Generated.SpecSync.UpstreamLoader.Read("Gemini", "doc.yaml", "openapi: 3.0.3\ninfo: {title: t, version: v}\npaths: {}\ncomponents:\n  schemas:\n    Status:\n      type: string\n      enumDeprecated: [false]\n", true, log);

        Assert.Contains("warning: doc.yaml:7:7: enumDeprecated is not a valid property at #/components/schemas/Status (Microsoft.OpenApi)", log.ToString());
    }

    [Fact]
    public void Validator_problems_are_printed_as_warnings_at_their_line()
    {
        var log = new StringWriter();

        var spec = global::Foundry.Generated.SpecSync.UpstreamLoader.Read("Anthropic", "doc.yaml", "openapi: 3.1.0\ninfo:\n  title: no version\npaths: {}\n", true, log);

        Assert.Contains("warning: doc.yaml:3:3: The field 'version' in 'info' object is REQUIRED. (Microsoft.OpenApi)", log.ToString());
        Assert.Contains("doc.yaml: YAML, OpenAPI 3.1.0, 0 paths, 0 schemas, 1 validator warnings", log.ToString());
        Assert.NotNull(spec);
    }
}
