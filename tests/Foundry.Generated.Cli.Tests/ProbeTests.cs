using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Foundry.Generated.Emulator;
using Json.Schema;
using Xunit;

namespace Foundry.Generated.Cli.Tests;

/// <summary><c>foundry-llm probe</c> end to end against the emulator configured as an enrollment.</summary>
public sealed class ProbeTests
{
    private const string Models = "gpt-5-mini,gpt-4.1,claude-sonnet-4.5";

    // JsonSchema.Net registers schemas by $id globally: load it once.
    private static readonly JsonSchema CatalogSchema = JsonSchema.FromText(File.ReadAllText(ProbeHarness.RepoFile("spec/model-catalog.schema.json")));

    /// <summary>claude-sonnet-4.5 is not enabled here, gpt-4.1 fails on Responses; the catalog's own gpt-5-mini 500 on chat stays.</summary>
    private static EmulatorOptions Enrollment(Action<EmulatorEnrollment>? more = null)
    {
        var enrollment = new EmulatorEnrollment();
        enrollment.MissingModels.Add("claude-sonnet-4.5");
        enrollment.RouteFailures["gpt-4.1|openai-responses"] = 500;
        more?.Invoke(enrollment);
        return new EmulatorOptions { Enrollment = enrollment };
    }

    [Fact]
    public async Task The_probe_reports_each_model_on_each_route_of_the_enrollment()
    {
        await using var emulator = await FoundryProxyEmulator.StartAsync(Enrollment());

        var (exit, output, error) = await ProbeHarness.RunAsync(emulator, "--model", Models, "--json");

        Assert.True(exit == 0, error);
        var results = ProbeHarness.Results(output);
        Assert.Equal(("ok", 200, null), results[("gpt-5-mini", "openai-responses")]);
        Assert.Equal(("failed", 500, "LanguageModelService:LanguageModelNotAvailable"), results[("gpt-5-mini", "openai-chat-completions")]);
        Assert.Equal(("failed", 500, "Default:Internal"), results[("gpt-4.1", "openai-responses")]);
        Assert.Equal(("ok", 200, null), results[("gpt-4.1", "openai-chat-completions")]);
        Assert.Equal(("failed", 404, "LanguageModelService:LanguageModelNotFound"), results[("claude-sonnet-4.5", "anthropic-messages")]);
        Assert.Equal(5, results.Count);
        Assert.Equal(5, emulator.Requests.Count);
        using var document = JsonDocument.Parse(output);
        var ok = document.RootElement.GetProperty("results").EnumerateArray().First(r => r.GetProperty("model").GetString() == "gpt-5-mini" && r.GetProperty("outcome").GetString() == "ok");
        Assert.True(ok.GetProperty("reachedTerminal").GetBoolean());
        Assert.True(ok.GetProperty("firstEventMs").GetInt32() >= 0);
        Assert.Contains("[5/5]", error);
        Assert.DoesNotContain(emulator.Token, output + error);
    }

    [Fact]
    public async Task The_table_shows_a_tick_or_the_status_and_error_name_per_model_and_route()
    {
        await using var emulator = await FoundryProxyEmulator.StartAsync(Enrollment());

        var (exit, output, _) = await ProbeHarness.RunAsync(emulator, "--model", Models);

        Assert.Equal(0, exit);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.StartsWith("MODEL", lines[0]);
        Assert.Contains("openai-responses", lines[0]);
        Assert.Matches(@"^gpt-5-mini\s+✓\s+✗ 500 LanguageModelNotAvailable", lines.Single(l => l.StartsWith("gpt-5-mini", StringComparison.Ordinal)));
        Assert.Matches(@"^claude-sonnet-4\.5\s+·\s+·\s+✗ 404 LanguageModelNotFound$", lines.Single(l => l.StartsWith("claude-sonnet-4.5", StringComparison.Ordinal)));
        Assert.Equal("2 ok, 3 failed, 0 inconclusive, 0 not run", lines[^1]);
    }

    [Fact]
    public async Task A_dry_run_prints_the_plan_and_sends_nothing()
    {
        await using var emulator = await FoundryProxyEmulator.StartAsync();

        var (exit, output, _) = await ProbeHarness.RunAsync(emulator, "--model", Models, "--dry-run");

        Assert.Equal(0, exit);
        Assert.Contains("gpt-5-mini on openai-chat-completions (the catalog says it fails)", output);
        Assert.Contains("5 requests planned; budget 100 (--max-requests, retries included)", output);
        Assert.Empty(emulator.Requests);
    }

    [Fact]
    public async Task The_default_budget_covers_the_default_plan_with_a_retry_each()
    {
        await using var emulator = await FoundryProxyEmulator.StartAsync();

        var (exit, output, error) = await ProbeHarness.RunAsync(emulator, "--dry-run");

        Assert.Equal(0, exit);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var planned = lines.Count(l => l.Contains(" on ", StringComparison.Ordinal));
        Assert.True(planned > 100, $"the whole catalog plans {planned} requests");
        Assert.Equal($"{planned} requests planned; budget {2 * planned} (--max-requests, retries included); 2 at a time; nothing sent (--dry-run)", lines[^1]);
        Assert.Equal(string.Empty, error);
    }

    [Fact]
    public async Task A_budget_smaller_than_the_plan_is_said_before_anything_runs()
    {
        await using var emulator = await FoundryProxyEmulator.StartAsync();

        var (exit, _, error) = await ProbeHarness.RunAsync(emulator, "--model", Models, "--max-requests", "2", "--dry-run");

        Assert.Equal(0, exit);
        Assert.Contains("warning: --max-requests 2 covers only 2 of the 5 planned requests; the rest will not run (raise it to 5 or more, plus room for retries)", error);
    }

    [Fact]
    public async Task The_budget_caps_the_requests_sent_and_the_rest_are_reported_as_not_run()
    {
        await using var emulator = await FoundryProxyEmulator.StartAsync(Enrollment());

        var (exit, output, error) = await ProbeHarness.RunAsync(emulator, "--model", Models, "--json", "--max-requests", "2", "--concurrency", "1");

        Assert.Equal(0, exit);
        Assert.Equal(2, emulator.Requests.Count);
        var results = ProbeHarness.Results(output);
        Assert.Equal(2, results.Values.Count(r => r.Outcome != "notrun"));
        Assert.Equal(3, results.Values.Count(r => r.Outcome == "notrun"));
        Assert.Contains("2 requests sent", error);
    }

    [Fact]
    public async Task A_429_is_retried_after_its_Retry_After_and_the_route_still_counts_as_working()
    {
        await using var emulator = await FoundryProxyEmulator.StartAsync(Enrollment(e => e.RateLimitedRequests["gpt-5-mini"] = 1));

        var started = DateTime.UtcNow;
        var (exit, output, _) = await ProbeHarness.RunAsync(emulator, "--model", "gpt-5-mini", "--route", "responses", "--json");

        Assert.Equal(0, exit);
        Assert.Equal(("ok", 200, null), ProbeHarness.Results(output)[("gpt-5-mini", "openai-responses")]);
        Assert.Equal(new[] { 429, 200 }, emulator.Requests.Select(r => r.Status));
        Assert.True(DateTime.UtcNow - started >= TimeSpan.FromSeconds(0.9), "the probe waited for Retry-After: 1");
    }

    [Fact]
    public async Task Write_records_the_evidence_changes_only_probed_entries_and_the_catalog_still_validates()
    {
        await using var emulator = await FoundryProxyEmulator.StartAsync(Enrollment());
        var original = File.ReadAllText(ProbeHarness.RepoFile("spec/model-catalog.json"));
        var catalog = Path.Combine(Path.GetTempPath(), "fdry-probe-catalog-" + Guid.NewGuid().ToString("N") + ".json");
        File.WriteAllText(catalog, original);
        try
        {
            var (exit, _, error) = await ProbeHarness.RunAsync(emulator, "--model", Models, "--write", catalog);

            Assert.True(exit == 0, error);
            var written = File.ReadAllText(catalog);
            using (var document = JsonDocument.Parse(written))
            {
                var evaluation = CatalogSchema.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
                Assert.True(evaluation.IsValid, string.Join("\n", (evaluation.Details ?? []).Where(d => d.Errors != null).SelectMany(d => d.Errors!.Select(e => d.InstanceLocation + ": " + e.Value))));
            }

            var before = JsonNode.Parse(original)!["models"]!.AsArray().ToDictionary(m => (string)m!["id"]!, m => m!.ToJsonString());
            var after = JsonNode.Parse(written)!["models"]!.AsArray().ToDictionary(m => (string)m!["id"]!, m => m!);
            Assert.Equal(before.Keys.Order(), after.Keys.Order());
            var changed = before.Keys.Where(id => before[id] != after[id].ToJsonString()).Order().ToArray();
            Assert.Equal(new[] { "claude-sonnet-4.5", "gpt-4.1", "gpt-5-mini" }, changed);

            // gpt-4.1 failed on Responses with a 500: that route moves to unsupportedRoutes, with the probe's record.
            var gpt41 = after["gpt-4.1"]!;
            Assert.Equal(new[] { "openai-chat-completions" }, gpt41["routes"]!.AsArray().Select(r => (string)r!["route"]!));
            Assert.Equal("openai-chat-completions", (string)gpt41["preferredRoute"]!);
            var rejected = gpt41["unsupportedRoutes"]!.AsArray().Single()!;
            Assert.Equal(500, (int)rejected["status"]!);
            Assert.Equal("verified", (string)rejected["evidence"]!);
            Assert.Equal($"foundry-llm probe of {emulator.BaseUrl.Authority} on 2026-11-30", (string)rejected["source"]!);
            Assert.Equal("Default:Internal", (string)rejected["probe"]!["errorName"]!);

            // A missing model says nothing about the route: its entry is annotated, not moved.
            var claude = after["claude-sonnet-4.5"]!["routes"]!.AsArray().Single()!;
            Assert.Equal("failed", (string)claude["probe"]!["result"]!);
            Assert.Equal(404, (int)claude["probe"]!["status"]!);

            // The rest of the file keeps its bytes: only the three probed models' lines differ.
            var untouched = original.Split('\n').Except(written.Split('\n')).ToList();
            Assert.DoesNotContain(untouched, line => line.Contains("gemini", StringComparison.Ordinal));
        }
        finally
        {
            File.Delete(catalog);
        }
    }

    [Fact]
    public void Writing_no_results_gives_back_the_checked_in_catalog_byte_for_byte()
    {
        var original = File.ReadAllText(ProbeHarness.RepoFile("spec/model-catalog.json"));

        var (text, changes) = Probe.CatalogEvidence.Apply(original, "model-catalog.json", [], "example.palantirfoundry.com", "2026-11-30");

        Assert.Empty(changes);
        Assert.Equal(original, text);
    }

    [Fact]
    public async Task After_write_the_analyzer_turns_the_route_the_probe_found_failing_into_FDRY002_citing_the_probe()
    {
        await using var emulator = await FoundryProxyEmulator.StartAsync(Enrollment());
        var catalog = Path.Combine(Path.GetTempPath(), "fdry-probe-catalog-" + Guid.NewGuid().ToString("N") + ".json");
        File.Copy(ProbeHarness.RepoFile("spec/model-catalog.json"), catalog);
        try
        {
            Assert.Empty(await AnalyzerVerdicts.RunAsync(File.ReadAllText(catalog), "var m = Foundry.Generated.ResponsesModel.Parse(\"gpt-4.1\");"));

            var (exit, _, error) = await ProbeHarness.RunAsync(emulator, "--model", "gpt-4.1", "--write", catalog);
            Assert.True(exit == 0, error);

            var diagnostic = Assert.Single(await AnalyzerVerdicts.RunAsync(File.ReadAllText(catalog), "var m = Foundry.Generated.ResponsesModel.Parse(\"gpt-4.1\");"));
            Assert.Equal("FDRY002", diagnostic.Id);
            Assert.Equal(
                $"Model 'gpt-4.1' does not work on route 'openai-responses' (verified failing on 2026-11-30 on {emulator.BaseUrl.Authority}: HTTP 500 Default:Internal); it works on: openai-chat-completions; use the openai-chat-completions client",
                diagnostic.GetMessage());
        }
        finally
        {
            File.Delete(catalog);
        }
    }

    [Fact]
    public async Task Ctrl_C_mid_probe_keeps_what_was_measured_and_reports_the_rest_as_not_run()
    {
        await using var emulator = await FoundryProxyEmulator.StartAsync(new EmulatorOptions { EventDelay = TimeSpan.FromMilliseconds(150) });
        using var cancel = new CancellationTokenSource();
        var progress = new CancelOnFirstResult(cancel);

        var (exit, output, _) = await ProbeHarness.RunAsync(emulator, cancel.Token, progress, "--model", Models, "--json", "--concurrency", "1");

        Assert.Equal(130, exit);
        var results = ProbeHarness.Results(output);
        Assert.Equal(5, results.Count);
        Assert.Equal("ok", results[("claude-sonnet-4.5", "anthropic-messages")].Outcome);
        Assert.Equal(4, results.Values.Count(r => r.Outcome == "notrun"));
    }

    [Fact]
    public async Task Record_saves_each_reply_as_a_fixture_with_its_status_and_headers_and_never_the_token()
    {
        await using var emulator = await FoundryProxyEmulator.StartAsync(Enrollment());
        var dir = Path.Combine(Path.GetTempPath(), "fdry-probe-record-" + Guid.NewGuid().ToString("N"));
        try
        {
            var (exit, _, error) = await ProbeHarness.RunAsync(emulator, "--model", Models, "--record", dir);

            Assert.True(exit == 0, error);
            var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(dir, "manifest.json")))!.AsArray();
            Assert.Equal(5, manifest.Count);
            var stream = manifest.Single(e => (string)e!["file"]! == "foundry-gpt-5-mini-openai-responses.sse")!;
            Assert.Equal(200, (int)stream["http_status"]!["code"]!);
            Assert.StartsWith("text/event-stream", (string)stream["content_type"]!);
            var body = File.ReadAllBytes(Path.Combine(dir, "foundry-gpt-5-mini-openai-responses.sse"));
            Assert.Equal((int)stream["bytes"]!, body.Length);
            Assert.Contains("response.completed", System.Text.Encoding.UTF8.GetString(body));
            var missing = manifest.Single(e => (string)e!["file"]! == "foundry-claude-sonnet-4.5-anthropic-messages.json")!;
            Assert.Equal(404, (int)missing["http_status"]!["code"]!);
            Assert.Contains("LanguageModelNotFound", File.ReadAllText(Path.Combine(dir, "foundry-claude-sonnet-4.5-anthropic-messages.json")));
            foreach (var file in Directory.GetFiles(dir))
            {
                Assert.DoesNotContain(emulator.Token, File.ReadAllText(file));
            }

            // Record once, replay in CI: the fake answers the recorded request with the recording, another with the difference.
            var recording = Foundry.Generated.Testing.FoundryRecording.Load(Path.Combine(dir, "manifest.json")).Single(r => r.File == "foundry-gpt-5-mini-openai-responses.sse");
            Assert.NotNull(recording.Request);
            var fake = new Foundry.Generated.Testing.FakeFoundry();
            fake.ReplyAlways(Foundry.Generated.Testing.FoundryReply.Recorded(recording), recording.Route);
            using var http = fake.CreateHttpClient();
            var uri = new Uri(Foundry.Generated.Testing.FakeFoundry.InMemoryBaseUrl, new Uri(recording.RequestUri!).PathAndQuery);
            var same = await SendAsync(http, uri, recording.Request!, fake.Token);
            var changed = JsonNode.Parse(recording.Request!)!.AsObject();
            changed["user"] = "someone-else";
            var other = await SendAsync(http, uri, changed.ToJsonString(), fake.Token);
            Assert.Equal(body, same.Body);
            Assert.Equal(500, other.Status);
            Assert.Contains("at $.user: expected missing, actual \\u0022someone-else\\u0022", System.Text.Encoding.UTF8.GetString(other.Body));
        }
        finally
        {
            if (Directory.Exists(dir))
            {
                Directory.Delete(dir, recursive: true);
            }
        }
    }

    private static async Task<(int Status, byte[] Body)> SendAsync(System.Net.Http.HttpClient http, Uri uri, string json, string token)
    {
        using var request = new System.Net.Http.HttpRequestMessage(System.Net.Http.HttpMethod.Post, uri) { Content = new System.Net.Http.StringContent(json, System.Text.Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(request);
        return ((int)response.StatusCode, await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public void A_body_that_echoes_the_token_is_recorded_without_it()
    {
        var body = System.Text.Encoding.UTF8.GetBytes("{\"error\":\"bad token 0123456789abcdef\"}");

        var recorded = System.Text.Encoding.UTF8.GetString(Probe.ReplyRecorder.Redact(body, "0123456789abcdef"));

        Assert.Equal("{\"error\":\"bad token ***\"}", recorded);
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    public async Task Help_prints_the_usage_on_stdout_and_succeeds(string flag)
    {
        var output = new StringWriter();
        var error = new StringWriter();

        var exit = await CliApp.RunAsync(["probe", flag], output, error, _ => null, TimeProvider.System, CancellationToken.None);

        Assert.Equal(0, exit);
        Assert.Matches(@"Usage:\s+\S+ probe \[options\]", output.ToString());
        Assert.Contains("--max-requests <n>", output.ToString());
        Assert.Empty(error.ToString());
    }

    [Fact]
    public async Task Without_FOUNDRY_URL_the_probe_refuses_instead_of_measuring_an_emulator()
    {
        var error = new StringWriter();
        var exit = await CliApp.RunAsync(["probe"], new StringWriter(), error, _ => null, TimeProvider.System, CancellationToken.None);

        Assert.Equal(2, exit);
        Assert.Contains("set FOUNDRY_URL", error.ToString());
    }

    /// <summary>Progress output that presses Ctrl+C as soon as the first probe has finished.</summary>
    private sealed class CancelOnFirstResult(CancellationTokenSource cancel) : StringWriter
    {
        public override void WriteLine(string? value)
        {
            base.WriteLine(value);
            if (value?.StartsWith("[1/", StringComparison.Ordinal) == true)
            {
                cancel.Cancel();
            }
        }
    }
}
