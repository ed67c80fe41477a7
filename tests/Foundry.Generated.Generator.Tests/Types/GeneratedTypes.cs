using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using Foundry.Generated.Generator.Tests.Generation;
using Foundry.Generated.Generator.Tests.Infrastructure;
using Foundry.Generated.Runtime;
using Microsoft.CodeAnalysis;

namespace Foundry.Generated.Generator.Tests.Types;

/// <summary>
/// The types generated from Types/Fixtures/types.openapi.json, compiled in memory and loaded into a collectible
/// AssemblyLoadContext (the runtime assembly resolves to the test's own copy, so the generated types implement the
/// very interfaces the test calls through). Reflection here is the test's, not the generated code's.
/// </summary>
public sealed class GeneratedTypes : IDisposable
{
    private static readonly MethodInfo DeserializeString = typeof(FoundryJson).GetMethods()
        .Single(m => m.Name == nameof(FoundryJson.Deserialize) && m.GetParameters()[0].ParameterType == typeof(string));

    private static readonly MethodInfo SerializeMethod = typeof(FoundryJson).GetMethod(nameof(FoundryJson.Serialize))!;

    private readonly AssemblyLoadContext _context;

    public GeneratedTypes()
    {
        var (output, diagnostics, driver) = GeneratorRun.Run(Fixture("types.openapi.json"), GeneratorRun.Fixture("small-catalog.json"));
        GeneratorDiagnostics = diagnostics;
        Driver = driver;
        CompileProblems = GeneratorRun.Problems(output).ToList();
        using var stream = new MemoryStream();
        var emitted = output.Emit(stream);
        if (!emitted.Success)
        {
            throw new InvalidOperationException(string.Join(Environment.NewLine, emitted.Diagnostics));
        }

        stream.Position = 0;
        _context = new AssemblyLoadContext("generated-types", isCollectible: true);
        Assembly = _context.LoadFromStream(stream);
    }

    public IReadOnlyList<Diagnostic> GeneratorDiagnostics { get; }

    public IReadOnlyList<Diagnostic> CompileProblems { get; }

    public GeneratorDriver Driver { get; }

    public Assembly Assembly { get; }

    public static string Fixture(string name)
        => File.ReadAllText(Path.Combine(RepoPaths.TestsDir("Foundry.Generated.Generator.Tests"), "Types", "Fixtures", name));

    public Type Type(string name) => Assembly.GetType("Foundry.Generated.OpenAi." + name, throwOnError: true)!;

    /// <summary>Reads <paramref name="json"/> as <paramref name="typeName"/> through its static ReadJson.</summary>
    public object Read(string typeName, string json)
    {
        try
        {
            return DeserializeString.MakeGenericMethod(Type(typeName)).Invoke(null, new object[] { json })!;
        }
        catch (TargetInvocationException e) when (e.InnerException != null)
        {
            throw e.InnerException;
        }
    }

    /// <summary>Writes a generated value through its WriteJson.</summary>
    public static string Write(object value)
        => (string)SerializeMethod.MakeGenericMethod(value.GetType()).Invoke(null, new object?[] { value, null })!;

    public static object? Get(object value, string property)
        => value.GetType().GetProperty(property, BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)?.GetValue(value)
           ?? value.GetType().GetProperty(property)?.GetValue(value);

    public void Dispose() => _context.Unload();
}
