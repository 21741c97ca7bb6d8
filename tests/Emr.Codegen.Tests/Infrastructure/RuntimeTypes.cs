extern alias runtime;

using System;
using System.Reflection;

namespace Emr.Codegen.Tests.Infrastructure
{
    /// <summary>
    /// The types a generated API uses, reached by reflection: the generated ones live in the spec's namespace, the shared
    /// ones (credential, options, exceptions, errors) in Emr.Codegen.Runtime.
    /// </summary>
    public static class RuntimeTypes
    {
        public const string Namespace = "Emr.Codegen.Runtime";

        public static readonly Assembly Assembly = typeof(runtime::Emr.Codegen.Runtime.RuntimeContract).Assembly;

        /// <summary>The type <paramref name="name"/> of a generated API: generated in <paramref name="ns"/>, or the runtime's.</summary>
        public static Type Find(Assembly generated, string ns, string name) =>
            generated.GetType(ns + "." + name)
            ?? Assembly.GetType(Namespace + "." + name)
            ?? throw new TypeLoadException("Neither " + generated.GetName().Name + " has " + ns + "." + name + " nor the runtime " + Namespace + "." + name + ".");

        /// <summary>A runtime type generic over the spec's error code (ApiException, ApiError), closed over <paramref name="errorCode"/>.</summary>
        public static Type OverErrorCode(string name, Type errorCode) =>
            Assembly.GetType(Namespace + "." + name + "`1", throwOnError: true)!.MakeGenericType(errorCode);

        /// <summary>The name of a type without its generic arity: ApiException for ApiException&lt;ApiErrorCode&gt;.</summary>
        public static string NameOf(Type type) => type.IsGenericType ? type.Name.Substring(0, type.Name.IndexOf('`')) : type.Name;
    }
}
