using System.Collections.Generic;
using System.Threading;
using System;
using Foundry.Generated.Catalog.Collections;
using Foundry.Generated.Catalog.Json;
using Foundry.Generated.Generator.Diagnostics;
using Foundry.Generated.Generator.Model;
using Foundry.Generated.Generator.Operations;
using Foundry.Generated.Generator.Schemas;
using Foundry.Generated.Generator.OpenApi;

namespace Foundry.Generated.Generator.Pipeline;

/// <summary>Spec text → <see cref="SpecModel"/>. Never throws for bad input (problems instead).</summary>
internal static class SpecModelReader
{
    public static SpecModel Read(InputFile file, GeneratorOptions options, CancellationToken cancellationToken)
    {
        var rootNamespace = options.RootNamespace;
        var problems = new List<GeneratorProblem>();
        try
        {
            var document = SpecDocument.Parse(file.Path, file.Text, problems, out var owner);
            using (owner)
            {
                if (document == null)
                {
                    return new SpecModel(rootNamespace, options.Internal, default, null, problems.ToEquatableArray());
                }

                document.CheckReferences();
                RouteSelection.Apply(document, options);
                var types = SchemaModelBuilder.Build(document, options, cancellationToken);
                var clients = OperationReader.Read(document, types, options);
                problems.AddRange(document.Problems);
                return new SpecModel(rootNamespace, options.Internal, types.ToEquatableArray(), clients, problems.ToEquatableArray());
            }
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (Exception e)
        {
            // A generator must never crash the build: report what broke instead.
            problems.Add(new GeneratorProblem(DiagnosticIds.SpecUnreadable, file.Path, TextPosition.Start, new[] { file.Path, e.GetType().Name + ": " + e.Message }.ToEquatableArray()));
            return new SpecModel(rootNamespace, options.Internal, default, null, problems.ToEquatableArray());
        }
    }
}
