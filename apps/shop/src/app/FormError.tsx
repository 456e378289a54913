/** An API error shown in place, above the form's submit button. */
export function FormError({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <div className="shop-error" role="alert" data-testid="form-error">
      {message}
    </div>
  );
}
