using System.Collections.Immutable;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;

namespace Interregnum.Runs.Tests;

/// <summary>One member of another assembly that a compiled assembly names in its IL (a call, a constructor, a field).</summary>
/// <param name="Assembly">The assembly that declares the member's type.</param>
/// <param name="Type">The declaring type, namespace-qualified (a generic type without its arguments, a nested type as Outer/Inner).</param>
/// <param name="Member">The member's name (<c>.ctor</c> for a constructor, <c>get_X</c> for a property).</param>
internal sealed record ExternalMember(string Assembly, string Type, string Member)
{
    public override string ToString() => $"[{Assembly}] {Type}::{Member}";
}

/// <summary>
/// Reads the member references of a compiled assembly with System.Reflection.Metadata, without loading it: every
/// method, constructor and field of another assembly that its IL calls or reads (property and event accessors are
/// methods). This is what the compiled front end actually calls, whatever its source looks like.
/// </summary>
internal static class AssemblyCalls
{
    public static IReadOnlyList<ExternalMember> Of(string assemblyPath)
    {
        using var stream = File.OpenRead(assemblyPath);
        using var pe = new PEReader(stream);
        var md = pe.GetMetadataReader();
        var found = new List<ExternalMember>();
        foreach (var handle in md.MemberReferences)
        {
            var member = md.GetMemberReference(handle);
            if (DeclaringType(md, member.Parent) is { } type)
            {
                found.Add(new ExternalMember(type.Assembly, type.Name, md.GetString(member.Name)));
            }
        }

        return [.. found.Distinct()];
    }

    private static (string Assembly, string Name)? DeclaringType(MetadataReader md, EntityHandle parent) => parent.Kind switch
    {
        HandleKind.TypeReference => Reference(md, (TypeReferenceHandle)parent),
        HandleKind.TypeSpecification => md.GetTypeSpecification((TypeSpecificationHandle)parent).DecodeSignature(new GenericTypeOf(md), null),
        _ => null, // a member of this assembly's own types (a vararg call site), or a method reference of its own
    };

    private static (string Assembly, string Name)? Reference(MetadataReader md, TypeReferenceHandle handle)
    {
        var t = md.GetTypeReference(handle);
        var name = (t.Namespace.IsNil ? "" : md.GetString(t.Namespace) + ".") + md.GetString(t.Name);
        return t.ResolutionScope.Kind switch
        {
            HandleKind.AssemblyReference => (md.GetString(md.GetAssemblyReference((AssemblyReferenceHandle)t.ResolutionScope).Name), name),
            HandleKind.TypeReference when Reference(md, (TypeReferenceHandle)t.ResolutionScope) is { } outer => (outer.Assembly, outer.Name + "/" + md.GetString(t.Name)),
            _ => null, // a type of this module
        };
    }

    /// <summary>Decodes a type specification (a generic instance, an array) to the type that declares the member.</summary>
    private sealed class GenericTypeOf(MetadataReader md) : ISignatureTypeProvider<(string Assembly, string Name)?, object?>
    {
        public (string Assembly, string Name)? GetGenericInstantiation((string Assembly, string Name)? genericType, ImmutableArray<(string Assembly, string Name)?> typeArguments) => genericType;

        public (string Assembly, string Name)? GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte rawTypeKind) => Reference(md, handle);

        public (string Assembly, string Name)? GetTypeFromDefinition(MetadataReader reader, TypeDefinitionHandle handle, byte rawTypeKind) => null;

        public (string Assembly, string Name)? GetTypeFromSpecification(MetadataReader reader, object? genericContext, TypeSpecificationHandle handle, byte rawTypeKind) =>
            md.GetTypeSpecification(handle).DecodeSignature(this, genericContext);

        public (string Assembly, string Name)? GetSZArrayType((string Assembly, string Name)? elementType) => null;

        public (string Assembly, string Name)? GetArrayType((string Assembly, string Name)? elementType, ArrayShape shape) => null;

        public (string Assembly, string Name)? GetByReferenceType((string Assembly, string Name)? elementType) => null;

        public (string Assembly, string Name)? GetPointerType((string Assembly, string Name)? elementType) => null;

        public (string Assembly, string Name)? GetPinnedType((string Assembly, string Name)? elementType) => null;

        public (string Assembly, string Name)? GetModifiedType((string Assembly, string Name)? modifier, (string Assembly, string Name)? unmodifiedType, bool isRequired) => unmodifiedType;

        public (string Assembly, string Name)? GetFunctionPointerType(MethodSignature<(string Assembly, string Name)?> signature) => null;

        public (string Assembly, string Name)? GetGenericMethodParameter(object? genericContext, int index) => null;

        public (string Assembly, string Name)? GetGenericTypeParameter(object? genericContext, int index) => null;

        public (string Assembly, string Name)? GetPrimitiveType(PrimitiveTypeCode typeCode) => null;
    }
}
