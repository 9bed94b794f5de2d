@extends('layouts.app')

@section('title', 'Sign in')

@section('content')
    <section style="max-width: 24rem">
        <h1>Sign in</h1>

        <form method="POST" action="{{ route('login.store') }}">
            @csrf

            <label for="email">E-mail</label>
            <input id="email" name="email" type="email" value="{{ old('email') }}" required autofocus autocomplete="username">
            @error('email') <p class="error">{{ $message }}</p> @enderror

            <label for="password">Password</label>
            <input id="password" name="password" type="password" required autocomplete="current-password">
            @error('password') <p class="error">{{ $message }}</p> @enderror

            <label>
                <input type="checkbox" name="remember" value="1"> Remember me
            </label>

            <button type="submit">Sign in</button>
        </form>

        <p class="muted">
            No account yet? <code>php artisan users:create you@example.com</code>
            (or <code>php artisan db:seed</code> for test@example.com / password).
        </p>
    </section>
@endsection
