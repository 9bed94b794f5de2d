<?php

namespace App\Http\Requests\Auth;

use App\Models\User;
use Illuminate\Auth\Events\Lockout;
use Illuminate\Foundation\Http\FormRequest;
use Illuminate\Http\Exceptions\ThrottleRequestsException;
use Illuminate\Support\Facades\Auth;
use Illuminate\Support\Facades\Cache;
use Illuminate\Support\Facades\Hash;
use Illuminate\Support\Facades\RateLimiter;
use Illuminate\Support\Str;
use Illuminate\Support\Timebox;
use Illuminate\Validation\ValidationException;

class LoginRequest extends FormRequest
{
    /** Log-in attempts per address and client in DECAY_SECONDS. */
    public const MAX_ATTEMPTS = 5;

    public const DECAY_SECONDS = 60;

    /** SessionGuard::attempt's default (config auth.timebox_duration). */
    private const TIMEBOX_MICROSECONDS = 200000;

    /**
     * Addresses are stored in lower case (User::email()).
     */
    protected function prepareForValidation(): void
    {
        if (is_string($this->input('email'))) {
            $this->merge(['email' => Str::lower(trim($this->input('email')))]);
        }
    }

    /**
     * @return array<string, array<int, string>>
     */
    public function rules(): array
    {
        return [
            'email' => ['required', 'string', 'email', 'max:255'],
            'password' => ['required', 'string', 'max:1000'],
            'remember' => ['nullable', 'boolean'],
        ];
    }

    /**
     * Signs the user in with Laravel's session guard, or throws: 429 past the
     * limit, a validation error for wrong credentials.
     *
     * The attempt is counted before the password is checked, and counted
     * atomically: under a cache lock, so that parallel guesses (several workers,
     * several servers sharing the cache) cannot all read "below the limit" and then
     * all get their password checked. An unknown address costs one password hash
     * check too, and every failed attempt takes at least 200 ms (Laravel's timebox),
     * so the time of the answer does not tell whether an address has an account.
     *
     * @throws ValidationException
     * @throws ThrottleRequestsException
     */
    public function authenticate(): void
    {
        $key = $this->throttleKey();
        $attempts = Cache::lock('login:'.$key, 10)->block(10, fn () => RateLimiter::hit($key, self::DECAY_SECONDS));

        if ($attempts > self::MAX_ATTEMPTS) {
            event(new Lockout($this));
            $seconds = RateLimiter::availableIn($key);

            throw new ThrottleRequestsException(
                trans('auth.throttle', ['seconds' => $seconds, 'minutes' => ceil($seconds / 60)]),
                headers: ['Retry-After' => $seconds],
            );
        }

        $credentials = $this->only('email', 'password');
        $known = User::where('email', $credentials['email'])->exists();

        if (! $known) {
            (new Timebox)->call(fn () => Hash::check((string) $credentials['password'], $this->timingHash()), self::TIMEBOX_MICROSECONDS);
        }

        if (! $known || ! Auth::attempt($credentials, $this->boolean('remember'))) {
            throw ValidationException::withMessages(['email' => trans('auth.failed')]);
        }

        RateLimiter::clear($key);
    }

    /**
     * A hash made like the users' (same driver and cost; made again when the
     * hashing settings change) to check unknown addresses against.
     */
    private function timingHash(): string
    {
        $hash = Cache::get('login:timing-hash');

        if (! is_string($hash) || Hash::needsRehash($hash)) {
            $hash = Hash::make(Str::random(40));
            Cache::forever('login:timing-hash', $hash);
        }

        return $hash;
    }

    /** The address (case-folded) and the client's IP. */
    public function throttleKey(): string
    {
        return Str::transliterate($this->string('email')->lower().'|'.$this->ip());
    }
}
