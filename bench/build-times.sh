#!/usr/bin/env bash
# Edit-build cycle of a small console app, side by side in one run (issue 14):
#   pkg       default path through the Foundry.Generated package (local folder feed)
#   projref   default path through the repository's props (project references)
#   openai    the same program on the OpenAI NuGet package
#   custom-a  custom spec (the checked-in one), one route: anthropic-messages; the generated types compile into the
#             app's own app-custom-a.FoundryClients.dll (the custom path's default), so an edit recompiles the app alone
#   custom-r  the same with openai-responses (the largest route: ~half of all generated code)
#   pkgcus-a  custom-a through the package instead of the repository's props
#   inline-a  custom-a with FoundryGeneratedAssembly=false: the generated code compiles into the app on every build
# Each is built once, then Program.cs is edited and rebuilt ROUNDS times, the apps taking turns.
# Then the generated line counts: the precompiled library and each single-route selection.
# Usage: bash bench/build-times.sh [ROUNDS]   (writes nothing into the repository)
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)
rounds=${1:-3}
work=$(mktemp -d /tmp/fdry-build-times.XXXXXX)
trap 'rm -rf "$work"' EXIT
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

version="0.0.0-bench.$(date +%s)"
feed="$work/feed"
echo "packing Foundry.Generated $version ..." >&2
dotnet pack runtime/Foundry.Generated -c Release -o "$feed" -p:Version="$version" -nologo -v:q >/dev/null
openai_version=$(sed -n 's/.*PackageVersion Include="OpenAI" Version="\([^"]*\)".*/\1/p' Directory.Packages.props)

program_foundry='using Foundry.Generated;
using Foundry.Generated.OpenAi;

using var client = new FoundryLlmClient();
var request = new CreateResponse { Model = ResponsesModel.Gpt5Mini, Input = "Tell me a 10 word story" };
await foreach (var e in client.OpenAiResponses.StreamAsync(request))
    if (e is ResponseTextDeltaEvent delta) System.Console.Write(delta.Delta);'
program_anthropic='using Foundry.Generated;
using Foundry.Generated.Anthropic;

using var client = new FoundryLlmClient();
var request = new CreateMessageParams { Model = AnthropicMessagesModel.ClaudeSonnet4_5, MaxTokens = 64, Messages = [new InputMessage { Role = InputMessageRole.User, Content = "Tell me a 10 word story" }] };
await foreach (var text in client.AnthropicMessages.StreamTextAsync(request))
    System.Console.Write(text);'
program_openai='#pragma warning disable OPENAI001
using OpenAI.Responses;

var client = new ResponsesClient(new System.ClientModel.ApiKeyCredential(System.Environment.GetEnvironmentVariable("OPENAI_API_KEY") ?? "none"), new ResponsesClientOptions());
await foreach (var e in await client.CreateResponseStreamingAsync("gpt-5-mini", "Tell me a 10 word story", null))
    if (e is StreamingResponseOutputTextDeltaUpdate delta) System.Console.Write(delta.Delta);'

project() { # name, before-import properties, import or package items, program
  local dir="$work/$1"
  mkdir -p "$dir"
  # "app-" keeps a project name from clashing with a package id (a project named openai would be the OpenAI package).
  cat > "$dir/app-$1.csproj" <<EOF
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>$2</PropertyGroup>
  $3
  <PropertyGroup>
    <OutputType>Exe</OutputType>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <ImplicitUsings>disable</ImplicitUsings>
    <NuGetAudit>false</NuGetAudit>
    <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
  </PropertyGroup>
</Project>
EOF
  printf '%s\n' "$4" > "$dir/Program.cs"
  cat > "$dir/nuget.config" <<EOF
<?xml version="1.0" encoding="utf-8"?>
<configuration><packageSources><add key="bench-feed" value="$feed" /></packageSources></configuration>
EOF
}

import="<Import Project=\"$repo/generator/Foundry.Generated.Generator/build/Foundry.Generated.props\" />"
project pkg "" "<ItemGroup><PackageReference Include=\"Foundry.Generated\" Version=\"$version\" /></ItemGroup>" "$program_foundry"
project projref "" "$import" "$program_foundry"
project openai "" "<ItemGroup><PackageReference Include=\"OpenAI\" Version=\"$openai_version\" /></ItemGroup>" "$program_openai"
custom="<FoundrySpecDirectory>$repo/spec/</FoundrySpecDirectory>"
project custom-a "$custom<FoundryRoutes>anthropic-messages</FoundryRoutes>" "$import" "$program_anthropic"
project custom-r "$custom<FoundryRoutes>openai-responses</FoundryRoutes>" "$import" "$program_foundry"
project pkgcus-a "$custom<FoundryRoutes>anthropic-messages</FoundryRoutes>" "<ItemGroup><PackageReference Include=\"Foundry.Generated\" Version=\"$version\" /></ItemGroup>" "$program_anthropic"
project inline-a "$custom<FoundryRoutes>anthropic-messages</FoundryRoutes><FoundryGeneratedAssembly>false</FoundryGeneratedAssembly>" "$import" "$program_anthropic"
project gen-r "$custom<FoundryRoutes>openai-responses</FoundryRoutes><FoundryGeneratedAssembly>false</FoundryGeneratedAssembly>" "$import" "// the generated clients live here"
sed -i 's|<OutputType>Exe</OutputType>|<OutputType>Library</OutputType>|' "$work/gen-r/app-gen-r.csproj"

names=(pkg projref openai custom-a custom-r pkgcus-a inline-a)
for n in "${names[@]}"; do
  echo "first build: $n" >&2
  (cd "$work/$n" && dotnet build -nologo -v:q >/dev/null) || { echo "build of $n failed" >&2; (cd "$work/$n" && dotnet build -nologo); exit 1; }
done

declare -A times
for round in $(seq 1 "$rounds"); do
  for n in "${names[@]}"; do
    echo "// edit $round" >> "$work/$n/Program.cs"
    start=$(date +%s.%N)
    (cd "$work/$n" && dotnet build --no-restore -nologo -v:q >/dev/null)
    end=$(date +%s.%N)
    times[$n]="${times[$n]:-} $(echo "$end - $start" | bc)"
  done
done

median() { printf '%s\n' $1 | sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
base=$(median "${times[openai]}")
echo
echo "machine: $(nproc) cores, $(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1), .NET SDK $(dotnet --version)"
echo "rebuild after editing Program.cs, seconds ($rounds rounds, alternating):"
printf '%-9s %-40s %8s %8s\n' "app" "runs" "median" "x openai"
for n in "${names[@]}"; do
  m=$(median "${times[$n]}")
  printf '%-9s %-40s %8.2f %8.2f\n' "$n" "$(printf '%.2f ' ${times[$n]})" "$m" "$(echo "$m / $base" | bc -l)"
done

# Generated lines: the precompiled library, and a custom build of each single route (generated into the project,
# FoundryGeneratedAssembly=false, so that EmitCompilerGeneratedFiles sees them).
count() { find "$1" -name '*.g.cs' -path '*Foundry.Generated.Generator*' -print0 | xargs -0 cat | wc -l; }
dotnet build runtime/Foundry.Generated --no-dependencies --no-incremental -nologo -v:q -p:EmitCompilerGeneratedFiles=true -p:CompilerGeneratedFilesOutputPath="$work/gen-default" >/dev/null
echo
echo "generated lines: default library (all routes) $(count "$work/gen-default")"
for route in openai-responses openai-chat-completions openai-embeddings anthropic-messages google-generate-content xai-responses xai-chat-completions; do
  sed -i "s|<FoundryRoutes>[^<]*</FoundryRoutes>|<FoundryRoutes>$route</FoundryRoutes>|" "$work/gen-r/app-gen-r.csproj"
  (cd "$work/gen-r" && dotnet build --no-dependencies --no-incremental -nologo -v:q -p:EmitCompilerGeneratedFiles=true -p:CompilerGeneratedFilesOutputPath="$work/lines-$route" >/dev/null)
  echo "generated lines: $route only $(count "$work/lines-$route")"
done
