using System.IO;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace Foundry.Generated.Build.Tests;

/// <summary>The types a built assembly defines (not the compiler's own, such as state machines), read from its metadata.</summary>
internal static class AssemblyTypes
{
    public static string[] Defined(string path)
    {
        using var stream = File.OpenRead(path);
        using var pe = new PEReader(stream);
        var reader = pe.GetMetadataReader();
        return reader.TypeDefinitions
            .Select(handle => reader.GetTypeDefinition(handle))
            .Where(t => reader.GetString(t.Name) != "<Module>")
            .Select(t => Name(reader, t))
            .Where(name => !name.Contains('<'))
            .ToArray();
    }

    /// <summary>Namespace.Type, nested types as Outer/Inner.</summary>
    private static string Name(MetadataReader reader, TypeDefinition type)
    {
        var name = reader.GetString(type.Name);
        if (type.GetDeclaringType() is { IsNil: false } outer)
        {
            return Name(reader, reader.GetTypeDefinition(outer)) + "/" + name;
        }

        var ns = reader.GetString(type.Namespace);
        return ns.Length == 0 ? name : ns + "." + name;
    }
}
