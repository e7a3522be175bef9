import Link from "next/link";

/** requireStaff(permission) for a staff member whose roles do not grant it. */
const ForbiddenPage = () => (
  <main className="mx-auto mt-24 max-w-lg px-4 text-center">
    <h1 className="text-2xl font-bold">You do not have access to this page</h1>
    <p className="mt-2 text-slate-600">Your staff roles do not include the permission it needs. Ask an administrator if you need it.</p>
    <Link href="/admin" className="mt-6 inline-block font-medium text-brand-700 underline">
      Back to the dashboard
    </Link>
  </main>
);

export default ForbiddenPage;
