import { z } from 'zod';
import { trimmed } from '../../platform/forms.js';

export const signInForm = z.object({
  email: z.preprocess(
    trimmed,
    z
      .string({ error: 'Enter your email address' })
      .max(254, 'Email address must be 254 characters or fewer')
      .email('Enter an email address in the correct format, like name@example.com'),
  ),
  password: z
    .string({ error: 'Enter your password' })
    .min(1, 'Enter your password')
    .max(1000, 'Password must be 1000 characters or fewer'),
  returnTo: z.string().optional(),
});

export const MIN_PASSWORD_LENGTH = 12;

export const setPasswordForm = z
  .object({
    password: z
      .string({ error: 'Enter a new password' })
      .min(1, 'Enter a new password')
      .min(MIN_PASSWORD_LENGTH, `Password must be ${MIN_PASSWORD_LENGTH} characters or more`)
      .max(200, 'Password must be 200 characters or fewer'),
    confirmPassword: z
      .string({ error: 'Enter the password again' })
      .min(1, 'Enter the password again'),
  })
  .refine((form) => form.password === form.confirmPassword, {
    message: 'The passwords do not match',
    path: ['confirmPassword'],
  });

/** Only paths inside Probity: never another site (an open redirect). */
export function safeReturnTo(value: string | undefined): string {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.includes('\\')) {
    return '/dashboard';
  }
  return value;
}
